import { periodFits, type ReportingPeriod } from '../../contract/measures';

/**
 * A period's place on its reporting period's time line: consecutive periods are one apart, so a
 * gap (a quarter nobody reported) stays a gap when a trend is worked out. Null for a period that is
 * not spelled the way the reporting period expects (readings typed before the indicator's
 * reporting period was changed): such periods cannot be placed in time and are left out.
 */
export function periodOrdinal(reportingPeriod: ReportingPeriod, period: string): number | null {
  if (!periodFits(reportingPeriod, period)) return null;
  const year = Number(period.slice(0, 4));
  switch (reportingPeriod) {
    case 'month':
      return year * 12 + Number(period.slice(5, 7)) - 1;
    case 'quarter':
      return year * 4 + Number(period.slice(6, 7)) - 1;
    case 'school_year':
    case 'year':
      return year;
  }
}

/** The periods that can be placed in time, each once, oldest first. */
export function sortPeriods(reportingPeriod: ReportingPeriod, periods: Iterable<string>): string[] {
  const placed = new Map<string, number>();
  for (const period of periods) {
    const ordinal = periodOrdinal(reportingPeriod, period);
    if (ordinal !== null) placed.set(period, ordinal);
  }
  return [...placed.entries()].sort((a, b) => a[1] - b[1]).map(([period]) => period);
}
