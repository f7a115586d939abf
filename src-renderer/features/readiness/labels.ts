import type { LocalText, ReadinessScale } from '../../../src-main/contract/index';
import type { AppLocale } from '../../i18n/index';

/** What the screen shows for a built-in text in the current language, unless someone edited it. */
export function shownText(typed: string, builtin: LocalText | null, language: string): string {
  if (typed.trim() !== '') return typed;
  if (!builtin) return '';
  return builtin[language as AppLocale] ?? builtin.en;
}

/** The words for levels 1..4 of each scale (keys, each a literal so the locale check sees it). */
export const levelKeys: Record<ReadinessScale, readonly string[]> = {
  progress: [
    'readiness.levels.justBegun',
    'readiness.levels.someProgress',
    'readiness.levels.wellAlong',
    'readiness.levels.fullyAchieved',
  ],
  agreement: [
    'readiness.levels.notYet',
    'readiness.levels.aLittle',
    'readiness.levels.mostly',
    'readiness.levels.fully',
  ],
};

export const evidenceKeys = {
  decision: 'readiness.evidence.decision',
  session: 'readiness.evidence.session',
  indicator: 'readiness.evidence.indicator',
  note: 'readiness.evidence.note',
} as const;

/** Today as the device's local date, the way a round or a benchmark is dated. */
export function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function oneDecimal(value: number | null, language: string): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
}

export function signedDecimal(value: number | null, language: string): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(language, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value);
}
