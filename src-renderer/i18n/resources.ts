import { locales } from '../../src-main/contract/index';

type Locale = (typeof locales)[number];

type Tree = { [key: string]: string | Tree };

/**
 * Strings live in resources/locales: `<lng>.json` for the app frame and `<lng>.<feature>.json`
 * for a feature, merged into one tree per language, so features add strings without touching
 * each other's files.
 */
const files = import.meta.glob<Tree>('../../resources/locales/*.json', { eager: true, import: 'default' });

function merge(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] = typeof value === 'object' && typeof existing === 'object' ? merge(existing, value) : value;
  }
  return target;
}

export function localeTrees(): Record<Locale, Tree> {
  const trees = Object.fromEntries(locales.map((locale) => [locale, {} as Tree])) as Record<Locale, Tree>;
  for (const [path, tree] of Object.entries(files)) {
    const locale = /([a-z]{2})(?:\.[a-z-]+)?\.json$/.exec(path)?.[1] as Locale | undefined;
    if (locale && locale in trees) merge(trees[locale], tree);
  }
  return trees;
}
