import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../host-process';

const localesDir = join(repoRoot, 'resources', 'locales');

type Tree = { [key: string]: string | Tree };

/** The strings of one language, merged from its files as the renderer merges them. */
export function textsOf(locale: string): (key: string) => string {
  const tree: Tree = {};
  const merge = (target: Tree, source: Tree) => {
    for (const [key, value] of Object.entries(source)) {
      const existing = target[key];
      if (typeof value === 'object' && typeof existing === 'object') merge(existing, value);
      else target[key] = value;
    }
  };
  for (const file of readdirSync(localesDir).filter((name) => name.startsWith(`${locale}.`) && name.endsWith('.json')))
    merge(tree, JSON.parse(readFileSync(join(localesDir, file), 'utf8')) as Tree);
  return (key) => {
    const value = key
      .split('.')
      .reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
    if (typeof value !== 'string') throw new Error(`${locale} has no text for ${key}`);
    return value;
  };
}
