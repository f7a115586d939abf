import type { Statement } from 'better-sqlite3';
import { AppError } from '../contract/result';
import { ClockError, formatHlc, HybridClock, parseHlc, type HlcParts, type ReceiveReport } from '../sync/hlc';
import { MerkleDelta } from '../sync/merkle';
import type { ChangeMessage, FieldValue } from '../sync/messages';
import { messageProblem, RowChangeChecks } from './change-checks';
import { ChangeLog } from './change-log';
import { committedOf, joinCommitted, type Committed } from './committed';
import type { Db } from './connection';
import { ConflictCopies } from './conflict-copies';
import { Erasure } from './erasure';
import { OwnUpserts, PackedWrites, stampOwnChanges } from './own-changes';
import { formatRowClock, parseRowClock, type ColumnClock } from './row-clock';
import { SetAsideMessages } from './set-aside';
import { domainTables, isLongText, type DomainTable, type TableRegistry } from './schema';

/** One row's new field values, as a repository asks for them. */
export interface RowChange {
  /** A table of the write path's registry (the app's own tables unless a tool brings others). */
  table: DomainTable | (string & {});
  row: string;
  values: Record<string, FieldValue>;
}

export interface ReceiveOutcome {
  /** Messages not seen before (they are now in the log, whether or not they won their field). */
  added: number;
  duplicates: number;
  maxDriftMs: number;
}

/** Milliseconds of a timestamp, parsing each distinct millisecond once per batch. */
function millisReader(): (timestamp: string) => number {
  let prefix = '';
  let millis = 0;
  return (timestamp) => {
    const head = timestamp.slice(0, 24);
    if (head !== prefix) {
      prefix = head;
      millis = Date.parse(head);
    }
    return millis;
  };
}

export interface WritePathOptions {
  now?: () => number;
  /**
   * The tables this write path may touch; the app's own registry unless a tool (the benchmark)
   * brings tables of its own. Names are checked against it before any SQL is built from them.
   */
  tables?: TableRegistry;
  /** Called after each committed transaction, outside it, e.g. to tell the renderer what changed. */
  onCommit?: (committed: Committed) => void;
}

/**
 * The only code that writes domain tables. A mutation becomes one message per field, stamped by the
 * hybrid logical clock; messages are applied last-writer-wins per field, appended to the change log
 * and folded into the merkle trie, all in one immediate transaction. Received messages take the
 * same path, so applying any set of messages in any order, with repeats, gives the same state.
 */
export class WritePath {
  private readonly log: ChangeLog;
  private readonly readClock: Statement;
  private readonly writeClock: Statement;
  private readonly readMerkle: Statement;
  private readonly writeMerkle: Statement;
  private readonly setAsideMessages: SetAsideMessages;
  private readonly rowClock = new Map<string, Statement>();
  private readonly tables: TableRegistry;
  private readonly rowChecks: RowChangeChecks;
  private readonly upserts = new Map<string, Statement>();
  private readonly ownUpserts: OwnUpserts;
  private readonly packedWrites: PackedWrites;
  private readonly conflicts: ConflictCopies;
  private readonly erasure: Erasure;

  private readonly now: () => number;
  private batchDepth = 0;
  private held: Committed[] = [];
  private readonly onCommit: (committed: Committed) => void;

  constructor(
    private readonly db: Db,
    /** This device's node id, the end of every timestamp it stamps. */
    readonly node: string,
    options: WritePathOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.tables = options.tables ?? domainTables;
    this.rowChecks = new RowChangeChecks(this.tables);
    this.onCommit = options.onCommit ?? (() => {});
    this.log = new ChangeLog(db, this.tables);
    this.ownUpserts = new OwnUpserts(db, this.log);
    this.packedWrites = new PackedWrites(this.ownUpserts, this.log, node);
    this.conflicts = new ConflictCopies(db, this.log.fieldsTable);
    this.setAsideMessages = new SetAsideMessages(db, this.log);
    this.erasure = new Erasure(db, this.log.fieldsTable);
    this.readClock = db.prepare("SELECT value FROM sync_state WHERE key = 'clock'").pluck();
    this.writeClock = db.prepare(
      "INSERT INTO sync_state (key, value) VALUES ('clock', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
    this.readMerkle = db.prepare('SELECT hash FROM merkle WHERE node = ?').pluck();
    this.writeMerkle = db.prepare(
      'INSERT INTO merkle (node, hash) VALUES (?, ?) ON CONFLICT(node) DO UPDATE SET hash = excluded.hash',
    );
  }

  /** Stamps and applies local changes; returns the messages written, in order. */
  write(changes: RowChange[]): ChangeMessage[] {
    return [...this.writeMany(changes).messages()];
  }

  /**
   * Stamps and applies local changes, like write(), for callers that do not need the messages back
   * (an import): a write whose fields all go into packs makes them only if a listener asks.
   */
  writeMany(changes: RowChange[]): Committed {
    for (const change of changes) this.rowChecks.check(change);
    const written = this.db
      .transaction(() => {
        // One reading of the wall clock per transaction: the fields take consecutive counters.
        const physical = this.now();
        const clock = this.loadClock(() => physical);
        const committed = this.applyOwn(changes, clock);
        this.saveClock(clock);
        return committed;
      })
      .immediate();
    this.announceCommitted(written);
    return written;
  }

  /** Applies messages from another replica. Invalid messages refuse the whole batch. */
  receive(messages: readonly ChangeMessage[]): ReceiveOutcome {
    messages.forEach((message, index) => {
      const problem = this.problemOf(message);
      if (problem) throw new AppError('invalid_input', `message ${index}: ${problem}`);
    });
    return this.receiveSound(messages);
  }

  /** Why a message from outside cannot be applied here, or null if it can. */
  problemOf(message: unknown): string | null {
    return messageProblem(message, this.tables);
  }

  /**
   * `receive` for messages each already found sound by `problemOf`: the replica checks them one by
   * one to set the unreadable aside, and a second pass over a 100,000-message sync cost about 5%.
   */
  receiveSound(messages: readonly ChangeMessage[]): ReceiveOutcome {
    // Timestamps sort as text, so the newest of the batch is the one the clock must pass. Folding
    // in only that one leaves the clock where folding in every message would, or further back by a
    // few counters within one millisecond: either way past every timestamp received.
    let newest: string | null = null;
    for (const { timestamp } of messages) if (newest === null || timestamp > newest) newest = timestamp;
    const outcome = this.db
      .transaction(() => {
        const clock = this.loadClock();
        let maxDriftMs = 0;
        if (newest !== null) {
          let report: ReceiveReport;
          try {
            report = clock.receive(newest);
          } catch (error) {
            if (error instanceof ClockError) throw new AppError('invalid_input', `message timestamp: ${error.message}`);
            throw error;
          }
          maxDriftMs = Math.max(maxDriftMs, report.driftMs);
        }
        const added = this.apply(messages);
        this.saveClock(clock);
        return { added, duplicates: messages.length - added, maxDriftMs };
      })
      .immediate();
    if (outcome.added > 0) this.announce(messages);
    return outcome;
  }

  /**
   * Keeps synced messages that could not be opened or read (see migration 0070): not applied, but
   * their timestamps go into the merkle trie so the tries of this device and its peers still agree.
   * One already in the log or already set aside changes nothing; returns how many were new.
   */
  setAside(messages: readonly { timestamp: string; payload: string; reason: string }[]): number {
    return this.db
      .transaction(() => {
        const merkle = new MerkleDelta();
        const millisOf = millisReader();
        const at = new Date(this.now()).toISOString();
        let added = 0;
        for (const { timestamp, payload, reason } of messages) {
          if (!parseHlc(timestamp) || !this.setAsideMessages.add(timestamp, payload, reason, at)) continue;
          merkle.add(millisOf(timestamp), timestamp);
          added++;
        }
        this.foldMerkle(merkle);
        return added;
      })
      .immediate();
  }

  /**
   * Runs several writes as one transaction (an import, the sample initiative): all of them land
   * or none does, and listeners hear about them once, only after the outer commit.
   */
  batch<T>(work: () => T): T {
    this.batchDepth++;
    let result: T;
    try {
      result = this.db.transaction(work).immediate();
    } catch (error) {
      this.batchDepth--;
      if (this.batchDepth === 0) this.held = [];
      throw error;
    }
    this.batchDepth--;
    if (this.batchDepth === 0 && this.held.length > 0) {
      const held = this.held;
      this.held = [];
      this.onCommit(joinCommitted(held));
    }
    return result;
  }

  private announce(messages: readonly ChangeMessage[]): void {
    this.announceCommitted(committedOf(messages));
  }

  private announceCommitted(committed: Committed): void {
    if (this.batchDepth > 0) this.held.push(committed);
    else this.onCommit(committed);
  }

  private loadClock(now: () => number = this.now): HybridClock {
    const saved = this.readClock.get() as string | undefined;
    const last: HlcParts | null = saved ? parseHlc(saved) : null;
    return new HybridClock(this.node, last, now);
  }

  private saveClock(clock: HybridClock): void {
    this.writeClock.run(formatHlc(clock.state));
  }

  /**
   * Our own edits, just stamped by `clock` (past every timestamp stored, so none can be in the log
   * yet). Short fields go into packs and their rows' clocks are merged in SQL without reading them
   * first; only a row with a long text reads its clock, for the base and the conflict review.
   */
  private applyOwn(changes: readonly RowChange[], clock: HybridClock): Committed {
    const quick = this.log.packed ? this.packedWrites.write(changes, clock) : null;
    if (quick !== null) {
      // Every field is packed (the packs are in the log): no long text to review, no words to erase.
      this.foldMerkle(quick.merkle);
      return quick.committed;
    }
    const { messages, packs, merkle, rows } = stampOwnChanges(changes, clock, this.log.packed);
    const unpacked: ChangeMessage[] = [];
    const pendingReviews: { table: string; row: string; clock: ColumnClock; timestamps: Set<string> }[] = [];
    for (const { table, row, winners, stamps, unpacked: own } of rows.values()) {
      if (own.length > 0) {
        const current = this.rowClockStatement(table).get(row) as string | undefined;
        const rowClock: ColumnClock = current ? parseRowClock(current) : {};
        const review = new Set<string>();
        for (const message of own) {
          if (isLongText(table, message.column)) {
            // Our own edit of a long text was made over whatever the field showed: that is its base.
            const base = rowClock[message.column] ?? null;
            message.base = base;
            review.add(message.timestamp);
            if (base !== null) review.add(base);
          }
          rowClock[message.column] = message.timestamp;
          unpacked.push(message);
        }
        if (review.size > 0)
          pendingReviews.push({ table, row, clock: Object.assign(rowClock, stamps), timestamps: review });
      }
      this.ownUpserts.run(table, row, winners, stamps);
    }
    this.log.appendPacks(packs, this.node);
    this.log.appendOwnFields(unpacked);
    this.afterLogged(unpacked, pendingReviews);
    this.foldMerkle(merkle);
    return committedOf(messages);
  }

  /**
   * Applies received messages. Must run inside a transaction. Returns how many were new to the log.
   */
  private apply(messages: readonly ChangeMessage[]): number {
    const byRow = new Map<string, ChangeMessage[]>();
    for (const message of messages) {
      const key = `${message.table}\u0000${message.row}`;
      const group = byRow.get(key);
      if (group) group.push(message);
      else byRow.set(key, [message]);
    }
    const merkle = new MerkleDelta();
    const millisOf = millisReader();
    const newToLog: ChangeMessage[] = [];
    const pendingReviews: { table: string; row: string; clock: ColumnClock; timestamps: Set<string> }[] = [];
    const anySetAside = this.setAsideMessages.any();
    const added = this.log.addReceived(messages, this.log.packWriters());
    for (const group of byRow.values()) {
      const table = group[0].table;
      const row = group[0].row;
      const current = this.rowClockStatement(table).get(row) as string | undefined;
      const clock: ColumnClock = current ? parseRowClock(current) : {};
      // The clock as stored, before this batch moves it on: only what it stamps is in the row.
      const parsedClock: ColumnClock = current ? { ...clock } : clock;
      const winners = new Map<string, FieldValue>();
      // Fields this batch overwrites: the values they hold go back into the log first.
      const overwritten: string[] = [];
      const review = new Set<string>();
      for (const message of group) {
        const longText = isLongText(table, message.column);
        const base = longText ? (message.base ?? null) : null;
        // Deleted as it is used: the same message object may come twice in one batch.
        if (!added.delete(message)) continue;
        newToLog.push(message);
        // A readable copy of a message set aside earlier: its timestamp is in the trie already.
        if (!(anySetAside && this.setAsideMessages.release(message.timestamp)))
          merkle.add(millisOf(message.timestamp), message.timestamp);
        const seen = clock[message.column];
        if (longText) {
          review.add(message.timestamp);
          if (base !== null) review.add(base);
        }
        if (seen === undefined || message.timestamp > seen) {
          if (longText && seen !== undefined) review.add(seen);
          if (current !== undefined && seen !== undefined && seen === parsedClock[message.column])
            overwritten.push(message.column);
          clock[message.column] = message.timestamp;
          winners.set(message.column, message.value);
        }
      }
      if (overwritten.length > 0) this.log.keepOverwritten(table, row, overwritten);
      if (winners.size > 0) this.upsert(table, row, winners, clock);
      if (review.size > 0) pendingReviews.push({ table, row, clock, timestamps: review });
    }
    this.afterLogged(newToLog, pendingReviews);
    this.foldMerkle(merkle);
    return newToLog.length;
  }

  private afterLogged(
    logged: readonly ChangeMessage[],
    pendingReviews: readonly { table: string; row: string; clock: ColumnClock; timestamps: Set<string> }[],
  ): void {
    // Before the conflict review, so a version whose words were erased is not kept as a copy.
    this.erasure.afterLogged(logged);
    // After the log holds every new message, so "has anyone typed over this version" sees them all.
    for (const { table, row, clock, timestamps } of pendingReviews) {
      this.conflicts.review(timestamps, (t, r, column) =>
        t === table && r === row ? clock[column] : this.fieldWinner(t, r, column),
      );
    }
  }

  private foldMerkle(merkle: MerkleDelta): void {
    for (const [node, delta] of merkle.nodes()) {
      const previous = (this.readMerkle.get(node) as number | undefined) ?? 0;
      this.writeMerkle.run(node, (previous ^ delta) >>> 0);
    }
  }

  private fieldWinner(table: string, row: string, column: string): string | undefined {
    if (!Object.hasOwn(this.tables, table)) return undefined;
    const current = this.rowClockStatement(table).get(row) as string | undefined;
    return current ? parseRowClock(current)[column] : undefined;
  }

  private rowClockStatement(table: string): Statement {
    let statement = this.rowClock.get(table);
    if (!statement) {
      statement = this.db.prepare(`SELECT _clock FROM ${table} WHERE id = ?`).pluck();
      this.rowClock.set(table, statement);
    }
    return statement;
  }

  private upsert(table: string, row: string, winners: Map<string, FieldValue>, clock: ColumnClock): void {
    const columns = [...winners.keys()].sort();
    const key = `${table}:${columns.join(',')}`;
    let statement = this.upserts.get(key);
    if (!statement) {
      // Table and column names come from the schema registry (checked before we get here), never
      // from message text, so building SQL from them is safe.
      const names = ['id', ...columns, '_clock'];
      const updates = [...columns, '_clock'].map((column) => `${column} = excluded.${column}`);
      statement = this.db.prepare(
        `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ` +
          `ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`,
      );
      this.upserts.set(key, statement);
    }
    statement.run(row, ...columns.map((column) => winners.get(column) ?? null), formatRowClock(clock));
  }
}
