import { locales, phases, partnerKinds } from '../contract/models';
import { AppError } from '../contract/result';

/** Narrow a stored text to one of the allowed values, falling back when a field has not arrived yet. */
export function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export const asPhase = (value: unknown) => oneOf(phases, value, 'assess_readiness');
export const asLocale = (value: unknown) => oneOf(locales, value, 'en');
export const asPartnerKind = (value: unknown) => oneOf(partnerKinds, value, 'organisation');

/** A patch's defined fields as column values, booleans stored as flags, unknown keys ignored. */
export function toColumns<K extends string>(
  patch: Partial<Record<K, unknown>>,
  columnOf: Record<K, string>,
): Record<string, string | number | null> {
  const values: Record<string, string | number | null> = {};
  for (const key of Object.keys(patch) as K[]) {
    const value = patch[key];
    if (value === undefined || !Object.hasOwn(columnOf, key)) continue;
    if (typeof value === 'boolean') values[columnOf[key]] = value ? 1 : 0;
    else if (typeof value === 'string' || typeof value === 'number' || value === null) values[columnOf[key]] = value;
  }
  return values;
}

/** Now as the device's local date and time, `2026-11-23T18:30:05`, the way people read it. */
export function localTimestamp(millis: number = Date.now()): string {
  const at = new Date(millis);
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` +
    `T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`
  );
}

/**
 * A create that names an id already stored is the same request arriving again (a double press, a
 * retry after a lost answer): it gets the record made the first time, and nothing is written. One
 * deleted since stays deleted, so a late retry cannot bring it back.
 */
export function repeatedCreate<T>(stored: unknown, get: () => T, what: string): T | null {
  if (!stored) return null;
  if ((stored as { tombstone?: number }).tombstone) {
    throw new AppError('not_found', `That ${what} was made and then deleted.`);
  }
  return get();
}
