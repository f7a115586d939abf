import i18next from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../../src-main/contract/channels';
import { knownSectors, locales, partnerKinds, phases } from '../../../src-main/contract/models';
import { errorCodes } from '../../../src-main/contract/result';

type Tree = { [key: string]: unknown };

const repo = join(import.meta.dirname, '..', '..', '..');
const localeDir = join(repo, 'resources', 'locales');

function mergeTrees(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] =
      typeof value === 'object' && value !== null && typeof existing === 'object' && existing !== null
        ? mergeTrees(existing as Tree, value as Tree)
        : value;
  }
  return target;
}

/** `<locale>.json` plus every `<locale>.<feature>.json`, merged as the renderer merges them. */
const load = (locale: string) =>
  readdirSync(localeDir)
    .filter((file) => file === `${locale}.json` || (file.startsWith(`${locale}.`) && file.endsWith('.json')))
    .sort()
    .reduce(
      (tree, file) => mergeTrees(tree, JSON.parse(readFileSync(join(localeDir, file), 'utf8')) as Tree),
      {} as Tree,
    );
const trees = { en: load('en'), es: load('es') };

/** Every leaf as 'ns.key' -> value; a leaf that is not a string is kept so a test can refuse it. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [inner, leaf] of flatten(value as Tree, `${prefix}${key}.`)) flat.set(inner, leaf);
    } else flat.set(`${prefix}${key}`, value);
  }
  return flat;
}

const en = flatten(trees.en);
const es = flatten(trees.es);
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
/** i18next picks `key_one`, `key_other`... from `t('key', { count })`, so usage is by base key. */
const baseKey = (key: string) => key.replace(pluralSuffix, '');
const baseKeys = (flat: Map<string, unknown>) => new Set([...flat.keys()].map(baseKey));
const variables = (text: unknown) =>
  new Set([...String(text).matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

const rendererSource = sourceFiles(join(repo, 'src-renderer'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
/** Keys passed to t() as plain literals: t('a.b'), t("a.b"), i18next.t('a.b', ...). */
const literalCalls = new Set([...rendererSource.matchAll(/\bt\(\s*(['"])([^'"\n]+)\1/g)].map((match) => match[2]));
/** Namespaces reached through a template literal: t(`phases.${phase}`). */
const dynamicNamespacesUsed = new Set(
  [...rendererSource.matchAll(/\bt\(\s*`([A-Za-z]+)\.\$\{/g)].map((match) => match[1]),
);
/** Every quoted 'ns.key'-shaped literal, e.g. the label keys kept in features/shell/sections.ts. */
const quotedKeys = new Set(
  [...rendererSource.matchAll(/(['"`])([A-Za-z]+(?:\.[A-Za-z0-9_]+)+)\1/g)].map((match) => match[2]),
);

/** The namespaces the renderer reaches only with a variable part, each mirroring a contract list. */
const dynamicNamespaces: Record<string, readonly string[]> = {
  phases,
  sectors: knownSectors,
  kinds: partnerKinds,
  languages: locales,
  errors: [...errorCodes, 'required'],
};

/** Keys allowed to be unused: none. */
const knownUnused = new Set<string>();

describe('locale files', () => {
  it('have the same keys in every locale (plural forms compared by base key)', () => {
    expect([...baseKeys(es)].sort()).toEqual([...baseKeys(en)].sort());
    const singular = (flat: Map<string, unknown>) => [...flat.keys()].filter((key) => !pluralSuffix.test(key)).sort();
    expect(singular(es)).toEqual(singular(en));
  });

  it('give every plural key its one and other forms in every locale', () => {
    const pluralBases = [...en.keys()].filter((key) => pluralSuffix.test(key)).map(baseKey);
    expect(pluralBases).toContain('partners.count');
    for (const flat of [en, es]) {
      for (const base of pluralBases) {
        expect(flat.has(`${base}_one`), base).toBe(true);
        expect(flat.has(`${base}_other`), base).toBe(true);
      }
    }
    // Spanish picks `many` for 1 000 000 and the like; without it i18next falls back to English.
    for (const base of pluralBases) expect(es.has(`${base}_many`), base).toBe(true);
  });

  it('have no empty or non-text value', () => {
    for (const [name, flat] of [
      ['en', en],
      ['es', es],
    ] as const) {
      for (const [key, value] of flat) {
        expect(typeof value, `${name} ${key}`).toBe('string');
        expect(String(value).trim(), `${name} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same interpolation variables in Spanish as in English', () => {
    for (const [key, text] of en) {
      if (!es.has(key)) continue;
      expect(variables(es.get(key)), key).toEqual(variables(text));
    }
    expect(variables(en.get('status.notSaved'))).toEqual(new Set(['reason']));
  });

  // Found by this suite: Spanish has a `many` plural category (1 000 000...) that es.json lacked.
  it('a Spanish screen counts partners in Spanish for every count', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { en: { translation: trees.en }, es: { translation: trees.es } },
      lng: 'es',
      fallbackLng: 'en',
    });
    for (const count of [0, 1, 2, 21, 1_000, 1_000_000])
      expect(i18n.t('partners.count', { count }), String(count)).toContain('socio');
  });

  // The import preview used to say "1 relationships": one plural per count, then the sentence.
  it('the import preview counts partners and relationships in the right number in both languages', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { en: { translation: trees.en }, es: { translation: trees.es } },
      lng: 'en',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
    const preview = (partners: number, relationships: number) =>
      i18n.t('exchange.counts', {
        partners: i18n.t('exchange.partnerCount', { count: partners }),
        relationships: i18n.t('exchange.relationshipCount', { count: relationships }),
      });
    expect(preview(3, 1)).toBe('3 partners and 1 relationship in this file.');
    expect(preview(1, 0)).toBe('1 partner and 0 relationships in this file.');
    expect(preview(2, 5)).toBe('2 partners and 5 relationships in this file.');
    await i18n.changeLanguage('es');
    expect(preview(3, 1)).toBe('3 socios y 1 relación en este archivo.');
    expect(preview(1, 2)).toBe('1 socio y 2 relaciones en este archivo.');
    expect(preview(1_000_000, 1_000_000)).toBe('1000000 socios y 1000000 relaciones en este archivo.');
  });
});

describe('keys used by the renderer', () => {
  it('finds the usage it scans for (so the checks below can fail)', () => {
    expect(literalCalls.size).toBeGreaterThan(20);
    expect(literalCalls).toContain('partners.count');
    expect(quotedKeys).toContain('nav.partners');
  });

  it('every key passed to t() as a literal exists in en.json', () => {
    const missing = [...literalCalls].filter((key) => !baseKeys(en).has(key));
    expect(missing).toEqual([]);
  });

  it("every quoted 'ns.key' literal in a locale namespace exists in en.json", () => {
    const namespaces = new Set(Object.keys(trees.en));
    const channels = new Set<string>(channelNames);
    const candidates = [...quotedKeys].filter(
      (literal) => namespaces.has(literal.split('.')[0]) && !channels.has(literal),
    );
    expect(candidates).toContain('nav.settings');
    expect(candidates.filter((key) => !baseKeys(en).has(key))).toEqual([]);
  });

  it('reaches exactly the expected namespaces through template literals', () => {
    expect([...dynamicNamespacesUsed].sort()).toEqual(Object.keys(dynamicNamespaces).sort());
  });

  it.each(Object.entries(dynamicNamespaces))('%s.* holds exactly the contract list', (namespace, expected) => {
    const keys = [...en.keys()]
      .filter((key) => key.startsWith(`${namespace}.`))
      .map((key) => key.slice(namespace.length + 1));
    expect(keys.sort()).toEqual([...expected].sort());
  });

  it('uses errors.required literally, as it is not an error code', () => {
    expect(literalCalls).toContain('errors.required');
  });

  it('uses every other key in en.json somewhere in the renderer', () => {
    const unused = [...baseKeys(en)].filter((key) => {
      const namespace = key.split('.')[0];
      if (namespace in dynamicNamespaces && key !== 'errors.required') return false;
      return !quotedKeys.has(key) && !literalCalls.has(key);
    });
    expect(new Set(unused)).toEqual(knownUnused);
  });

  it('uses app.tagline', () => {
    expect(quotedKeys.has('app.tagline') || literalCalls.has('app.tagline')).toBe(true);
  });
});
