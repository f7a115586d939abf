import type { Statement } from 'better-sqlite3';
import { AppError } from '../contract/result';
import { ChangeLog, fromFieldRow, type FieldRow } from '../store/change-log';
import type { Db } from '../store/connection';
import { deviceState } from '../store/device-state';
import type { ReceiveOutcome, WritePath } from '../store/write-path';
import { open, openUnsealed, seal, SyncCryptoError, type SealedMessage, type SyncKey, type Unsealed } from './crypto';
import type { ChangeMessage } from './messages';

/** A merkle trie as it travels: node key -> hash, zero hashes left out. */
export type MerkleNodes = Record<string, number>;

/** What a sync partner offers: a hub over HTTP, or another replica on this machine or the LAN. */
export interface SyncPeer {
  merkle(): Promise<MerkleNodes>;
  /** Messages with timestamps after `after` (a timestamp or an ISO minute start), oldest first. */
  pull(after: string, limit: number): Promise<{ messages: SealedMessage[]; more: boolean }>;
  push(messages: SealedMessage[]): Promise<{ added: number }>;
  /** Replaces held messages by their blanked versions after an erasure (see store/erasure.ts). */
  erase(messages: SealedMessage[]): Promise<{ erased: number }>;
}

/**
 * One initiative's side of sync: reads its change log as sealed messages and applies sealed
 * messages through the write path. What leaves is filtered by consent at the moment of sending:
 * the text of a note whose participant has withdrawn, and real names while the initiative does
 * not share them, travel as null; the timestamp still travels, so tries agree and sync ends.
 */
export class LocalReplica {
  private readonly readMerkle: Statement;
  private readonly log: ChangeLog;
  private readonly readErasures: Statement;
  private readonly noteWithdrawn: Statement;
  private readonly namesShared: Statement;

  constructor(
    readonly db: Db,
    readonly writePath: WritePath,
    readonly key: SyncKey,
  ) {
    this.readMerkle = db.prepare('SELECT node, hash FROM merkle WHERE hash <> 0');
    this.log = new ChangeLog(db);
    // Erased words are voice-note texts, never packed (migration 0190): rows of change_fields.
    this.readErasures = db.prepare(
      `SELECT c.timestamp, c.tbl, c.row_id, c.col, c.base, c.value FROM hub_erasures e
       JOIN ${this.log.fieldsTable} c ON c.timestamp = e.timestamp WHERE e.timestamp > ? ORDER BY e.timestamp LIMIT ?`,
    );
    this.noteWithdrawn = db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM voice_notes n JOIN participants p ON p.id = n.participant_id
         WHERE n.id = ? AND p.withdrawn = 1)`,
      )
      .pluck();
    this.namesShared = db
      .prepare('SELECT EXISTS (SELECT 1 FROM initiative WHERE share_real_names = 1 AND tombstone = 0)')
      .pluck();
  }

  merkle(): MerkleNodes {
    const nodes: MerkleNodes = {};
    for (const { node, hash } of this.readMerkle.all() as { node: string; hash: number }[]) nodes[node] = hash;
    return nodes;
  }

  /** How many messages sealedAfter would page through from this cursor: a push's total, for progress. */
  countAfter(after: string): number {
    return this.log.countAfter(after);
  }

  /** Up to `limit` sealed messages after a timestamp, and whether more follow. */
  sealedAfter(after: string, limit: number): { messages: SealedMessage[]; more: boolean } {
    const messages = this.log.after(after, limit + 1);
    const more = messages.length > limit;
    const shared = this.namesShared.get() === 1;
    const withdrawn = new Map<string, boolean>();
    const sealed = messages.slice(0, limit).map((message) => {
      // Consent at the moment of sending: the timestamp travels, the words or the name do not.
      if (message.table === 'voice_notes' && message.column === 'text') {
        let gone = withdrawn.get(message.row);
        if (gone === undefined) {
          gone = this.noteWithdrawn.get(message.row) === 1;
          withdrawn.set(message.row, gone);
        }
        if (gone) return this.seal({ ...message, value: null });
      }
      if (message.table === 'participant_names' && message.column === 'real_name' && !shared) {
        return this.seal({ ...message, value: null });
      }
      return this.seal(message);
    });
    return { messages: sealed, more };
  }

  private seal(message: ChangeMessage): SealedMessage {
    return seal(this.key, message);
  }

  /**
   * Asks each peer to blank what this device has erased and not yet had blanked (hub_erasures),
   * then forgets the list, unless `keep` (a hub of this device was out of reach: it must hear of
   * them later). Asking twice does no harm. The blanked versions are sealed afresh from the log,
   * so a hub still never sees a word.
   */
  async sendErasures(peers: readonly SyncPeer[], { keep = false, pageSize = 2000 } = {}): Promise<number> {
    let erased = 0;
    let after = '';
    for (;;) {
      const rows = this.readErasures.all(after, pageSize) as FieldRow[];
      if (rows.length === 0) return erased;
      const messages = rows.map((row) => this.seal(fromFieldRow(row)));
      for (const peer of peers) erased += (await peer.erase(messages)).erased;
      if (!keep) deviceState(this.db).forgetHubErasures(rows.map((row) => row.timestamp));
      after = rows[rows.length - 1].timestamp;
    }
  }

  /**
   * Opens every message first and applies those that open and make sense. The few that cannot be
   * opened or read (damaged, or sealed with another key) are then set aside, not applied, and sync
   * goes on (see WritePath.setAside; if that step is cut short, the next sync sets them aside). When nothing in the batch opens and nothing
   * written by another device ever opened here, it is the passphrase that is wrong: the batch is
   * refused whole and nothing is kept. (A device whose key has already opened others' changes has
   * shown it is the team's key; the hubs also refuse another passphrase before anything moves.)
   * `unsealed`, when given, holds the AES-GCM step's answer for each message, in the same order.
   */
  applySealed(
    sealed: readonly SealedMessage[],
    { whole = false, unsealed = null }: { whole?: boolean; unsealed?: readonly Unsealed[] | null } = {},
  ): ReceiveOutcome & { setAside: number } {
    if (whole) return { ...this.applyWhole(sealed), setAside: 0 };
    const messages: ChangeMessage[] = [];
    const unreadable: { timestamp: string; payload: string; reason: string }[] = [];
    let wrongKey = 0;
    for (let i = 0; i < sealed.length; i++) {
      const message = sealed[i];
      try {
        // The AES-GCM step may have been done already, on a worker thread (see opening-worker.ts).
        const opened = openUnsealed(this.key, message, unsealed?.[i] ?? null);
        const problem = this.writePath.problemOf(opened);
        if (problem) unreadable.push({ ...message, reason: `unreadable: ${problem}` });
        else messages.push(opened);
      } catch (error) {
        if (!(error instanceof SyncCryptoError)) throw error;
        if (error.code === 'wrong_passphrase') wrongKey++;
        unreadable.push({ ...message, reason: error.code === 'wrong_passphrase' ? 'could not be opened' : 'damaged' });
      }
    }
    if (messages.length === 0 && wrongKey > 0 && !this.log.othersWrote(this.writePath.node)) {
      throw new AppError(
        'wrong_passphrase',
        'No synced change could be opened: the passphrase does not match the one this team uses. Nothing was changed.',
      );
    }
    const outcome = this.writePath.receiveSound(messages);
    return { ...outcome, setAside: unreadable.length > 0 ? this.writePath.setAside(unreadable) : 0 };
  }

  /**
   * A bundle file is applied whole or not at all: the person holds the file and can fetch a sound
   * one, and nothing depends on it to keep syncing, so one bad message refuses it, nothing applied.
   */
  private applyWhole(sealed: readonly SealedMessage[]): ReceiveOutcome {
    let messages: ChangeMessage[];
    try {
      messages = sealed.map((message) => open(this.key, message));
    } catch (error) {
      if (error instanceof SyncCryptoError) {
        throw new AppError(error.code === 'wrong_passphrase' ? 'wrong_passphrase' : 'invalid_input', error.message);
      }
      throw error;
    }
    return this.writePath.receive(messages);
  }

  /** This replica as a peer for another one: for the local network host and for tests. */
  asPeer(): SyncPeer {
    return {
      merkle: () => Promise.resolve(this.merkle()),
      pull: (after, limit) => Promise.resolve(this.sealedAfter(after, limit)),
      push: (messages) => Promise.resolve({ added: this.applySealed(messages).added }),
      // This replica blanks its own log when the erasure itself reaches it: nothing to replace here.
      erase: () => Promise.resolve({ erased: 0 }),
    };
  }
}
