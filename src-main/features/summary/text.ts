import arFrame from '../../../resources/locales/ar.json';
import ar from '../../../resources/locales/ar.summary.json';
import enFrame from '../../../resources/locales/en.json';
import en from '../../../resources/locales/en.summary.json';
import esFrame from '../../../resources/locales/es.json';
import es from '../../../resources/locales/es.summary.json';
import frFrame from '../../../resources/locales/fr.json';
import fr from '../../../resources/locales/fr.summary.json';
import arScorecard from '../../../resources/locales/ar.summary-scorecard.json';
import enScorecard from '../../../resources/locales/en.summary-scorecard.json';
import esScorecard from '../../../resources/locales/es.summary-scorecard.json';
import frScorecard from '../../../resources/locales/fr.summary-scorecard.json';
import arLearning from '../../../resources/locales/ar.summary-learning.json';
import enLearning from '../../../resources/locales/en.summary-learning.json';
import esLearning from '../../../resources/locales/es.summary-learning.json';
import frLearning from '../../../resources/locales/fr.summary-learning.json';
import arDataItems from '../../../resources/locales/ar.summary-data-items.json';
import enDataItems from '../../../resources/locales/en.summary-data-items.json';
import esDataItems from '../../../resources/locales/es.summary-data-items.json';
import frDataItems from '../../../resources/locales/fr.summary-data-items.json';
import type { Locale } from '../../contract/models';

type Tree = { [key: string]: string | Tree };
/** Later trees win, branch by branch, as the renderer merges its locale files. */
function merge(...sources: Tree[]): Tree {
  const merged: Tree = {};
  for (const source of sources)
    for (const [key, value] of Object.entries(source)) {
      const present = merged[key];
      merged[key] = typeof value === 'object' && typeof present === 'object' ? merge(present, value) : value;
    }
  return merged;
}

/** The summary's namespace (with the scorecard's, learning's and data items' own files) plus the frame's sector and phase names. */
const trees: Record<Locale, Tree> = {
  en: merge(en, enScorecard, enLearning, enDataItems, { sectors: enFrame.sectors, phases: enFrame.phases }),
  es: merge(es, esScorecard, esLearning, esDataItems, { sectors: esFrame.sectors, phases: esFrame.phases }),
  fr: merge(fr, frScorecard, frLearning, frDataItems, { sectors: frFrame.sectors, phases: frFrame.phases }),
  ar: merge(ar, arScorecard, arLearning, arDataItems, { sectors: arFrame.sectors, phases: arFrame.phases }),
};

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The summary's own words in its language, read from the same locale files as the app (namespace
 * `summary.doc`), with i18next's plural suffixes picked by Intl.PluralRules, so Arabic gets its
 * zero/one/two/few/many/other forms. Main renders documents without the renderer's i18next.
 */
export function translator(language: Locale): Translate {
  const plural = new Intl.PluralRules(language);
  const number = new Intl.NumberFormat(language);
  return (key, values = {}) => {
    const full = key.startsWith('sectors.') || key.startsWith('phases.') ? key : `summary.doc.${key}`;
    const count = values.count;
    const candidates =
      typeof count === 'number'
        ? [`${full}_${count === 0 ? 'zero' : plural.select(count)}`, `${full}_${plural.select(count)}`, `${full}_other`]
        : [full];
    let text: string | undefined;
    for (const tree of [trees[language], trees.en])
      for (const candidate of candidates) text ??= lookup(tree, candidate);
    if (text === undefined) throw new Error(`The summary has no text for ${full}.`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => {
      const value = values[name];
      return typeof value === 'number' ? number.format(value) : String(value ?? '');
    });
  };
}

/** `2026-11-23T18:30` as the language writes a date and a time; the text as typed if unreadable. */
export function formatWhen(language: Locale, value: string, withTime = true): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) return value;
  const [, year, month, day, hour, minute] = match;
  // Formatted as UTC so the day typed is the day shown, whatever the machine's time zone.
  const at = new Date(Date.UTC(+year, +month - 1, +day, +(hour ?? 0), +(minute ?? 0)));
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeZone: 'UTC' };
  if (hour !== undefined && withTime) options.timeStyle = 'short';
  return new Intl.DateTimeFormat(language, options).format(at);
}

export function formatNumber(language: Locale, value: number): string {
  return new Intl.NumberFormat(language).format(value);
}
