import type { TotalReading } from '../features/measures/scorecard';
import type { Db } from './connection';
import { lazyStatements } from './lazy-statements';

export const sql = {
  // Every indicator's totals in one pass, rather than a query per indicator; readings_totals
  // (migration 0145) holds exactly these rows and columns.
  totals: `SELECT indicator_id, period, value, group_count FROM readings
           WHERE tombstone = 0 AND value IS NOT NULL AND categories = '[]'`,
};

interface TotalRow {
  indicator_id: string | null;
  period: string | null;
  value: number;
  group_count: number | null;
}

const statementsOf = new WeakMap<Db, ReturnType<typeof lazyStatements<keyof typeof sql>>>();

/** The totals (readings with no category) of every indicator of the initiative, by indicator. */
export function totalsByIndicator(db: Db): Map<string, TotalReading[]> {
  let statement = statementsOf.get(db);
  if (!statement) {
    statement = lazyStatements(db, sql);
    statementsOf.set(db, statement);
  }
  const result = new Map<string, TotalReading[]>();
  for (const row of statement('totals').all() as TotalRow[]) {
    // Key columns not arrived yet through sync: the reading cannot be placed.
    if (row.indicator_id === null || row.period === null) continue;
    const reading = { period: row.period, value: row.value, count: row.group_count };
    const list = result.get(row.indicator_id);
    if (list) list.push(reading);
    else result.set(row.indicator_id, [reading]);
  }
  return result;
}
