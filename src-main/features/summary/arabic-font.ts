import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Amiri's Arabic letters, shipped with the app (npm @fontsource/amiri, SIL Open Font Licence) and
 * embedded in a summary that holds Arabic text, so its PDF reads in order on any machine: a system
 * with no Arabic font of this kind would otherwise fall back to one that maps the presentation
 * forms, and the PDF's text layer would come out garbled (see html.ts). A font found installed is
 * still preferred (local() first); this is the fallback, read once.
 */
const files = { normal: 'amiri-arabic-400-normal.woff2', bold: 'amiri-arabic-700-normal.woff2' } as const;
let cached: Record<keyof typeof files, string | null> | undefined;

function embedded(): Record<keyof typeof files, string | null> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const read = (file: string) => {
    try {
      const bytes = readFileSync(require.resolve(`@fontsource/amiri/files/${file}`));
      return `url(data:font/woff2;base64,${bytes.toString('base64')}) format("woff2")`;
    } catch {
      // Not there (a trimmed install): the local() fonts are all there is.
      return null;
    }
  };
  cached = { normal: read(files.normal), bold: read(files.bold) };
  return cached;
}

const arabicLetters = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

export function containsArabic(text: string): boolean {
  return arabicLetters.test(text);
}

/** The embedded font's source for a weight (about 100 KB each: only for summaries with Arabic). */
export function embeddedArabicSource(weight: keyof typeof files): string | null {
  return embedded()[weight];
}
