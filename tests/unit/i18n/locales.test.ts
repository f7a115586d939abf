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
const trees = Object.fromEntries(locales.map((locale) => [locale, load(locale)])) as Record<
  (typeof locales)[number],
  Tree
>;

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

const flats = Object.fromEntries(locales.map((locale) => [locale, flatten(trees[locale])])) as Record<
  (typeof locales)[number],
  Map<string, unknown>
>;
const en = flats.en;
const others = locales.filter((locale) => locale !== 'en');
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
/** Main writes summaries in their own language: t('key') there means 'summary.doc.key'. */
const summarySource = sourceFiles(join(repo, 'src-main', 'features', 'summary'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const summaryPrefix = 'summary.doc.';
const summaryLiterals = new Set([...summarySource.matchAll(/\bt\(\s*(['"])([^'"\n]+)\1/g)].map((match) => match[2]));
/** Sub-trees main reaches with a variable part: t(`methods.${decision.method}`). */
const summaryDynamic = new Set([...summarySource.matchAll(/\bt\(\s*`([A-Za-z]+)\.\$\{/g)].map((match) => match[1]));
/** Keys main's summary code names as plain strings (a lookup table like `what: 'fileSummary'`). */
const summaryQuoted = new Set([...summarySource.matchAll(/(['"])([A-Za-z]+)\1/g)].map((match) => match[2]));
function usedBySummary(key: string): boolean {
  if (!key.startsWith(summaryPrefix)) return false;
  const rest = key.slice(summaryPrefix.length);
  if (summaryLiterals.has(rest)) return true;
  if (!rest.includes('.') && summaryQuoted.has(rest)) return true;
  return summaryDynamic.has(rest.split('.')[0]);
}
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
  it.each(others)('%s has exactly the keys of en (plural forms compared by base key)', (locale) => {
    const missing = (from: Map<string, unknown>, to: Map<string, unknown>) =>
      [...baseKeys(from)].filter((key) => !baseKeys(to).has(key)).sort();
    expect(missing(en, flats[locale]), `missing in ${locale}`).toEqual([]);
    expect(missing(flats[locale], en), `only in ${locale}`).toEqual([]);
    const singular = (flat: Map<string, unknown>) => [...flat.keys()].filter((key) => !pluralSuffix.test(key)).sort();
    expect(singular(flats[locale])).toEqual(singular(en));
  });

  it('finds a key missing from one locale (so the check above can fail)', () => {
    const trimmed = new Map(flats.ar);
    trimmed.delete('nav.partners');
    expect([...baseKeys(en)].filter((key) => !baseKeys(trimmed).has(key))).toEqual(['nav.partners']);
  });

  it('give every plural key its one and other forms in every locale', () => {
    const pluralBases = [...en.keys()].filter((key) => pluralSuffix.test(key)).map(baseKey);
    expect(pluralBases).toContain('partners.count');
    // Every category the language's plural rules use: Spanish and French pick `many` for 1 000 000,
    // Arabic has zero, one, two, few, many and other; a missing form falls back to English.
    for (const locale of locales) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      if (locale === 'ar') expect([...categories].sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
      for (const base of pluralBases)
        for (const category of categories)
          expect(flats[locale].has(`${base}_${category}`), `${locale} ${base}_${category}`).toBe(true);
    }
  });

  it('have no empty or non-text value', () => {
    for (const [name, flat] of Object.entries(flats)) {
      for (const [key, value] of flat) {
        expect(typeof value, `${name} ${key}`).toBe('string');
        expect(String(value).trim(), `${name} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same interpolation variables in every locale as in English', () => {
    for (const locale of others)
      for (const [key, text] of flats[locale]) {
        const english = en.get(key) ?? en.get(`${baseKey(key)}_other`);
        const expected = variables(english);
        const actual = variables(text);
        // A zero, one or two form may spell the number out ("شخصان") instead of using {{count}}.
        if (/_(zero|one|two)$/.test(key)) {
          expected.delete('count');
          actual.delete('count');
        }
        expect(actual, `${locale} ${key}`).toEqual(expected);
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

  it('an Arabic screen uses each of the six plural forms', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { en: { translation: trees.en }, ar: { translation: trees.ar } },
      lng: 'ar',
      fallbackLng: 'en',
    });
    const forms = [0, 1, 2, 3, 11, 100].map((count) => i18n.t('partners.count', { count }));
    expect(new Set(forms).size).toBe(6);
    for (const form of forms) expect(form).toMatch(/[\u0600-\u06ff]/);
    expect(i18n.dir('ar')).toBe('rtl');
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
      if (usedBySummary(key)) return false;
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
