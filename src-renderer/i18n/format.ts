import { i18next } from './index';

/**
 * A date or date-and-time as the facilitator typed it (`2026-11-23T18:30`), written the way the
 * app's language writes dates, through Intl. Formatted as UTC so the day typed is the day shown
 * whatever the computer's time zone; text that is not such a date is shown as typed.
 */
export function formatLocalDateTime(value: string, locale: string = i18next.language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) return value;
  const [, year, month, day, hour, minute] = match;
  const at = new Date(Date.UTC(+year, +month - 1, +day, +(hour ?? 0), +(minute ?? 0)));
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: hour === undefined ? undefined : 'short',
    timeZone: 'UTC',
  }).format(at);
}
