import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { locales } from '../contract/models';

/**
 * The few files the room server hands a phone: the participant page (built by electron-vite from
 * src-renderer/room/index.html), exactly the assets that page names, and the phone's strings in
 * its language. Nothing else of the renderer folder is reachable: no app page, no app script.
 */
export interface PhoneFiles {
  page: Buffer | null;
  /** URL path (/assets/name) to file, only for the files the page itself loads. */
  assets: Map<string, string>;
  strings(locale: string): string | null;
}

/** The locale files whose `roomPhone` words a phone gets: resources/locales/<lng>.<file>.json. */
const phoneWordFiles = ['room', 'room-readiness', 'room-sector'];

export function loadPhoneFiles(rendererDir: string | undefined, resourcesDir: string): PhoneFiles {
  let page: Buffer | null = null;
  const assets = new Map<string, string>();
  if (rendererDir) {
    try {
      page = readFileSync(join(rendererDir, 'room', 'index.html'));
      for (const match of page.toString('utf8').matchAll(/(?:src|href)="(?:\.\.?\/)*assets\/([A-Za-z0-9._-]+)"/g)) {
        assets.set(`/assets/${match[1]}`, join(rendererDir, 'assets', basename(match[1])));
      }
    } catch {
      // Not built (a unit test, or `npm run build` not run yet): the page answers 503.
    }
  }
  const strings = new Map<string, string>();
  for (const locale of locales) {
    // The room's own words, then each feature's phone words (a readiness round's form).
    const words: Record<string, unknown> = {};
    for (const file of phoneWordFiles) {
      try {
        const tree = JSON.parse(readFileSync(join(resourcesDir, 'locales', `${locale}.${file}.json`), 'utf8')) as {
          roomPhone?: Record<string, unknown>;
        };
        Object.assign(words, tree.roomPhone ?? {});
      } catch {
        // A missing file leaves those words out; the phone falls back to English, then to the key.
      }
    }
    if (Object.keys(words).length > 0) strings.set(locale, JSON.stringify(words));
  }
  return { page, assets, strings: (locale) => strings.get(locale) ?? null };
}
