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
    share_real_names: 'flag',
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
    direction: 'text',
  },
  map_positions: {
    x: 'real',
    y: 'real',
    tombstone: 'flag',
  },
  sessions: {
    kind: 'text',
    title: 'text',
    starts_at: 'text',
    ends_at: 'text',
    place: 'text',
    topic: 'text',
    group_id: 'text',
    facilitator_id: 'text',
    status: 'text',
    reused_from_id: 'text',
    tombstone: 'flag',
  },
  participants: {
    focus_group_id: 'text',
    pseudonym: 'text',
    consent: 'text',
    consent_date: 'text',
    consent_recorded_by: 'text',
    withdrawn: 'flag',
    withdrawn_at: 'text',
    tombstone: 'flag',
  },
  /** Pseudonym to real name, keyed by participant id. See privateTables. */
  participant_names: {
    real_name: 'text',
    tombstone: 'flag',
  },
  voice_notes: {
    focus_group_id: 'text',
    session_id: 'text',
    participant_id: 'text',
    kind: 'text',
    text: 'text',
    consent: 'text',
    captured_at: 'text',
    draft: 'flag',
    tombstone: 'flag',
  },
  themes: {
    name: 'text',
    colour: 'text',
    description: 'text',
    merged_into: 'text',
    parent_id: 'text',
    category: 'flag',
    qdc_guid: 'text',
    tombstone: 'flag',
  },
  note_themes: {
    note_id: 'text',
    theme_id: 'text',
    tombstone: 'flag',
  },
  carried_notes: {
    note_id: 'text',
    session_id: 'text',
    agenda_item_id: 'text',
    tombstone: 'flag',
  },
  agenda_items: {
    session_id: 'text',
    position: 'integer',
    title: 'text',
    presenter_id: 'text',
    timebox_minutes: 'integer',
    purpose: 'text',
    notes: 'text',
    /** The indicator a data item shows (migration 0160). */
    indicator_id: 'text',
    tombstone: 'flag',
  },
  attendance: {
    session_id: 'text',
    partner_id: 'text',
    invited: 'flag',
    checked_in: 'flag',
    tombstone: 'flag',
  },
  decisions: {
    session_id: 'text',
    agenda_item_id: 'text',
    text: 'text',
    method: 'text',
    fist_0: 'integer',
    fist_1: 'integer',
    fist_2: 'integer',
    fist_3: 'integer',
    fist_4: 'integer',
    fist_5: 'integer',
    votes_for: 'integer',
    votes_against: 'integer',
    votes_abstain: 'integer',
    objections: 'text',
    outcome: 'text',
    rationale: 'text',
    decided_at: 'text',
    tombstone: 'flag',
  },
  decision_notes: {
    decision_id: 'text',
    note_id: 'text',
    tombstone: 'flag',
  },
  action_items: {
    text: 'text',
    owner_id: 'text',
    due_date: 'text',
    group_id: 'text',
    status: 'text',
    session_id: 'text',
    /** The agenda item it was made on (migration 0160), so it leads back to a data item's indicator. */
    agenda_item_id: 'text',
    tombstone: 'flag',
  },
  parking_lot: {
    session_id: 'text',
    text: 'text',
    moved_to_session_id: 'text',
    tombstone: 'flag',
  },
  /** A running session's current item and timer, keyed by session id. */
  live_sessions: {
    current_item_id: 'text',
    timer_started_at: 'integer',
    elapsed_ms: 'integer',
    tombstone: 'flag',
  },
  /** A conflict copy someone dismissed (or merged by hand), keyed by the lost version's timestamp. */
  conflict_dismissals: {
    dismissed: 'flag',
    tombstone: 'flag',
  },
  indicators: {
    name: 'text',
    definition: 'text',
    kind: 'text',
    question: 'text',
    unit: 'text',
    polarity: 'text',
    reporting_period: 'text',
    data_source: 'text',
    owner_ids: 'text',
    group_id: 'text',
    strategy: 'text',
    notes: 'text',
    dimension_ids: 'text',
    baseline_period: 'text',
    baseline_value: 'real',
    tombstone: 'flag',
  },
  /** Keyed by `${indicatorId}.${period}`. */
  indicator_targets: {
    indicator_id: 'text',
    period: 'text',
    value: 'real',
    tombstone: 'flag',
  },
  measure_dimensions: {
    name: 'text',
    position: 'integer',
    tombstone: 'flag',
  },
  measure_categories: {
    dimension_id: 'text',
    name: 'text',
    position: 'integer',
    tombstone: 'flag',
  },
  /** Keyed by indicator, period and category combination (see store/measures-readings.ts). */
  readings: {
    indicator_id: 'text',
    period: 'text',
    categories: 'text',
    value: 'real',
    group_count: 'integer',
    tombstone: 'flag',
  },
  /** One row, 'settings': this initiative's measurement settings. */
  measure_settings: {
    small_group_threshold: 'integer',
    tombstone: 'flag',
  },
  /** The story behind the curve: what helps and what holds an indicator back (migration 0160). */
  curve_factors: {
    indicator_id: 'text',
    session_id: 'text',
    agenda_item_id: 'text',
    kind: 'text',
    text: 'text',
    tombstone: 'flag',
  },
  /** Keyed by `${noteId}.${indicatorId}`; the note's text is always read through its consent. */
  indicator_voice_links: {
    indicator_id: 'text',
    note_id: 'text',
    period: 'text',
    session_id: 'text',
    agenda_item_id: 'text',
    tombstone: 'flag',
  },
  /** Built-in instruments keep only what someone changed here; see migration 0180. */
  readiness_instruments: {
    name: 'text',
    scale: 'text',
    rates_importance: 'flag',
    tombstone: 'flag',
  },
  readiness_sections: {
    instrument_id: 'text',
    title: 'text',
    position: 'integer',
    tombstone: 'flag',
  },
  readiness_items: {
    instrument_id: 'text',
    section_id: 'text',
    text: 'text',
    position: 'integer',
    tombstone: 'flag',
  },
  readiness_rounds: {
    instrument_id: 'text',
    title: 'text',
    held_on: 'text',
    tombstone: 'flag',
  },
  /** One rater's sheet: sector and lived experience, never a name; answers as one JSON field. */
  readiness_sheets: {
    round_id: 'text',
    sector: 'text',
    lived_experience: 'flag',
    answers: 'text',
    entered_at: 'text',
    tombstone: 'flag',
  },
  /** Keyed by the benchmark's fixed id. */
  phase_benchmarks: {
    met: 'flag',
    met_on: 'text',
    evidence_kind: 'text',
    evidence_id: 'text',
    evidence_text: 'text',
    tombstone: 'flag',
  },
  /** Keyed by the session's id: one review per session. */
  after_action_reviews: {
    planned: 'text',
    happened: 'text',
    why_different: 'text',
    next_steps: 'text',
    reviewed_on: 'text',
    tombstone: 'flag',
  },
  /** Other collaborations in town; partner_ids is a JSON list, one last-writer-wins field. */
  other_collaborations: {
    name: 'text',
    goal: 'text',
    convener: 'text',
    partner_ids: 'text',
    tombstone: 'flag',
  },
  /** Stories of most significant change, each with the teller's consent. */
  change_stories: {
    title: 'text',
    story: 'text',
    consent: 'text',
    collected_on: 'text',
    tombstone: 'flag',
  },
  /** A story chosen in a selection round, with the reason the group gave. */
  story_choices: {
    story_id: 'text',
    round_title: 'text',
    reason: 'text',
    chosen_on: 'text',
    tombstone: 'flag',
  },
  phase_history: {
    phase: 'text',
    entered_on: 'text',
    note: 'text',
    tombstone: 'flag',
  },
  /** Keyed by the action item's id: the after-action review (session) that created it. */
  review_actions: {
    session_id: 'text',
    tombstone: 'flag',
  },
  /** A benchmark a facilitator added to a phase; its mark lives in phase_benchmarks like a built-in's. */
  custom_benchmarks: {
    phase: 'text',
    text: 'text',
    tombstone: 'flag',
  },
} as const satisfies Record<string, Record<string, ColumnType>>;

/**
 * Tables whose rows stay on this device: they are written through the write path like any other
 * (so history and undo work), but sync must leave their messages out unless the initiative's
 * `share_real_names` setting is on, and no export reads them.
 */
export const privateTables: readonly DomainTable[] = ['participant_names'];

/**
 * Long texts people type at length. When two devices edit one of these concurrently, the losing
 * version is kept as a conflict copy instead of vanishing (short fields simply take the last write).
 */
export const longTextColumns: Readonly<Record<string, readonly string[]>> = {
  initiative: ['problem_statement', 'vision', 'population_goal'],
  partners: ['notes'],
  groups: ['purpose'],
  relationships: ['note'],
  sessions: ['topic'],
  voice_notes: ['text'],
  themes: ['description'],
  agenda_items: ['notes', 'purpose'],
  decisions: ['text', 'rationale', 'objections'],
  action_items: ['text'],
  parking_lot: ['text'],
  indicators: ['definition', 'notes'],
  after_action_reviews: ['planned', 'happened', 'why_different', 'next_steps'],
};

export function isLongText(table: string, column: string): boolean {
  return Object.hasOwn(longTextColumns, table) && longTextColumns[table].includes(column);
}

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

/**
 * A text's length as the channels' schemas count it: zod counts code points once a text has more
 * UTF-16 units than the limit, so 100,000 emoji the form took must not be refused here.
 */
function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Why a value may not go into a column, or null when it may. */
export function valueProblem(type: ColumnType, value: unknown): string | null {
  // Flags (tombstone) are NOT NULL in the schema: a null would fail the constraint mid-batch.
  if (value === null) return type === 'flag' ? 'expected 0 or 1' : null;
  switch (type) {
    case 'text':
      if (typeof value !== 'string') return 'expected text';
      return value.length > maxTextValueLength && codePointCount(value) > maxTextValueLength ? 'text too long' : null;
    case 'flag':
      return value === 0 || value === 1 ? null : 'expected 0 or 1';
    case 'integer':
      return Number.isSafeInteger(value) ? null : 'expected a whole number';
    case 'real':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'expected a finite number';
  }
}
