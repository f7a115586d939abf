import { locales, phases, partnerKinds } from '../contract/models';

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
