/**
 * The participant page's words: the `roomPhone` part of resources/locales/<lng>.room.json, fetched
 * from the room server in the language the person picks.
 */
export const phoneLanguages = ['en', 'es', 'fr', 'ar'] as const;
export type PhoneLanguage = (typeof phoneLanguages)[number];

type Tree = { [key: string]: string | Tree };
const trees = new Map<PhoneLanguage, Tree>();
let current: PhoneLanguage = 'en';

export async function loadWords(): Promise<void> {
  await Promise.all(
    phoneLanguages.map(async (language) => {
      try {
        const response = await fetch(`/strings/${language}`, { cache: 'no-store' });
        if (response.ok) trees.set(language, (await response.json()) as Tree);
      } catch {
        // That language stays out of the list; the others still work.
      }
    }),
  );
}

export function availableLanguages(): PhoneLanguage[] {
  return phoneLanguages.filter((language) => trees.has(language));
}

export function currentLanguage(): PhoneLanguage {
  return current;
}

export function chooseLanguage(language: PhoneLanguage): void {
  current = language;
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
}

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.replace(/^roomPhone\./, '').split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/** A phrase in the chosen language (English when missing), with {{name}} filled in. */
export function t(
  key: string,
  values: Record<string, string | number> = {},
  language: PhoneLanguage = current,
): string {
  const text = lookup(trees.get(language), key) ?? lookup(trees.get('en'), key) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => String(values[name] ?? ''));
}
