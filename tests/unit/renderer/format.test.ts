import { describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../../src-renderer/i18n/format';

describe('dates on screen', () => {
  it('writes a typed date and time in each language through Intl, on the day typed', () => {
    const expected = (locale: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
        Date.UTC(2026, 10, 23, 18, 30),
      );
    for (const locale of ['en', 'es', 'fr', 'ar'])
      expect(formatLocalDateTime('2026-11-23T18:30', locale)).toBe(expected(locale));
    expect(formatLocalDateTime('2026-11-23T18:30', 'fr')).toMatch(/23 nov/);
    expect(formatLocalDateTime('2026-11-23', 'en')).not.toMatch(/:/);
  });

  it('shows text that is not a date as typed', () => {
    expect(formatLocalDateTime('', 'en')).toBe('');
    expect(formatLocalDateTime('next spring', 'ar')).toBe('next spring');
  });
});
