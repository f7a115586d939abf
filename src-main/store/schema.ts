/**
 * The domain tables the write path may touch and the type of each column. Messages naming any
 * other table or column (a bug, or a hostile sync peer) are refused before anything is written.
 * Every table has `id TEXT PRIMARY KEY`, the columns below, and `_clock`, the JSON map of the
 * newest timestamp applied to each column (what last-writer-wins compares against).
 */
export type ColumnType = 'text' | 'flag' | 'integer' | 'real';

export const domainTables = {
  initiative: {
    name: 'text',
    problem_statement: 'text',
    vision: 'text',
    population_goal: 'text',
    phase: 'text',
    default_locale: 'text',
    tombstone: 'flag',
  },
  partners: {
    name: 'text',
    kind: 'text',
    sector: 'text',
    organisation_id: 'text',
    lived_experience: 'flag',
    influence: 'integer',
    interest: 'integer',
    engagement_stage: 'text',
    email: 'text',
    phone: 'text',
    tags: 'text',
    notes: 'text',
    tombstone: 'flag',
  },
  groups: {
    kind: 'text',
    name: 'text',
    purpose: 'text',
    colour: 'text',
    tombstone: 'flag',
  },
  memberships: {
    group_id: 'text',
    partner_id: 'text',
    role: 'text',
    tombstone: 'flag',
  },
  relationships: {
    from_id: 'text',
    to_id: 'text',
    kind: 'text',
    strength: 'integer',
    note: 'text',
    tombstone: 'flag',
  },
  map_positions: {
    x: 'real',
    y: 'real',
    tombstone: 'flag',
  },
} as const satisfies Record<string, Record<string, ColumnType>>;

export type TableRegistry = Readonly<Record<string, Readonly<Record<string, ColumnType>>>>;
export type DomainTable = keyof typeof domainTables;
export type DomainColumn<T extends DomainTable> = keyof (typeof domainTables)[T] & string;

/** Long enough for a membership id, which joins a group id and a partner id. */
export const maxRowIdLength = 80;
export const maxTextValueLength = 100_000;

export function isDomainTable(name: string): name is DomainTable {
  return Object.hasOwn(domainTables, name);
}

/** The type of a column in a registry, or undefined when the table or column is not in it. */
export function columnType(
  table: string,
  column: string,
  registry: TableRegistry = domainTables,
): ColumnType | undefined {
  if (!Object.hasOwn(registry, table)) return undefined;
  const columns = registry[table];
  return Object.hasOwn(columns, column) ? columns[column] : undefined;
}

/** Why a value may not go into a column, or null when it may. */
export function valueProblem(type: ColumnType, value: unknown): string | null {
  // Flags (tombstone) are NOT NULL in the schema: a null would fail the constraint mid-batch.
  if (value === null) return type === 'flag' ? 'expected 0 or 1' : null;
  switch (type) {
    case 'text':
      if (typeof value !== 'string') return 'expected text';
      return value.length > maxTextValueLength ? 'text too long' : null;
    case 'flag':
      return value === 0 || value === 1 ? null : 'expected 0 or 1';
    case 'integer':
      return Number.isSafeInteger(value) ? null : 'expected a whole number';
    case 'real':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'expected a finite number';
  }
}
