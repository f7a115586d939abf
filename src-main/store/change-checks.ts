import { AppError } from '../contract/result';
import { parseHlc } from '../sync/hlc';
import type { RowChange } from './write-path';
import { columnType, domainTables, maxRowIdLength, valueProblem, type ColumnType, type TableRegistry } from './schema';

// What a change may hold before the write path takes it: a local row change, or a message from
// another device.

function fieldProblem(
  tables: TableRegistry,
  table: string,
  row: unknown,
  column: unknown,
  value: unknown,
): string | null {
  if (!Object.hasOwn(tables, table)) return `unknown table "${table.slice(0, 40)}"`;
  if (typeof row !== 'string' || row.length === 0 || row.length > maxRowIdLength) return 'bad row id';
  if (typeof column !== 'string') return 'bad column';
  const type = columnType(table, column, tables);
  if (!type) return `unknown column "${column.slice(0, 40)}"`;
  return valueProblem(type, value);
}

/** Why a message from outside cannot be applied, or null if it can. */
export function messageProblem(message: unknown, tables: TableRegistry = domainTables): string | null {
  if (typeof message !== 'object' || message === null) return 'not an object';
  const { timestamp, table, row, column, value, base } = message as Record<string, unknown>;
  if (typeof timestamp !== 'string' || !parseHlc(timestamp)) return 'bad timestamp';
  if (base !== undefined && base !== null && (typeof base !== 'string' || !parseHlc(base))) return 'bad base';
  if (typeof table !== 'string') return 'bad table';
  return fieldProblem(tables, table, row, column, value);
}

/**
 * Checks local row changes against the schema registry; a refused one is an internal error (the
 * repositories build them). Remembers the table and columns of the last change it checked in full,
 * so a large write repeating one shape is checked quickly (see hasCheckedShape).
 */
export class RowChangeChecks {
  private checkedShape: { table: string; columns: string[]; types: ColumnType[] } | null = null;

  constructor(private readonly tables: TableRegistry) {}

  check(change: RowChange): void {
    if (this.hasCheckedShape(change)) return;
    const { table, row, values } = change;
    // for…in, not Object.entries: an import checks 600,000 fields, and each entry was an array.
    const columns: string[] = [];
    const types: ColumnType[] = [];
    for (const column in values) {
      if (!Object.hasOwn(values, column)) continue;
      const problem = fieldProblem(this.tables, table, row, column, values[column]);
      if (problem) throw new AppError('internal', `write to ${table}.${column}: ${problem}`);
      columns.push(column);
      types.push(columnType(table, column, this.tables)!);
    }
    this.checkedShape = { table, columns, types };
  }

  /**
   * The quick check for a change of the same table and columns, in the same order, as the last one
   * checked (a large write repeats one shape): the row id and each value against its column's type.
   * False sends the change to the full check, which names the problem.
   */
  private hasCheckedShape({ table, row, values }: RowChange): boolean {
    const shape = this.checkedShape;
    if (shape === null || shape.table !== table) return false;
    if (typeof row !== 'string' || row.length === 0 || row.length > maxRowIdLength) return false;
    let i = 0;
    for (const column in values) {
      if (!Object.hasOwn(values, column)) continue;
      if (shape.columns[i] !== column || valueProblem(shape.types[i], values[column]) !== null) return false;
      i++;
    }
    return i === shape.columns.length;
  }
}
