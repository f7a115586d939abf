import type { Initiative } from '../contract/models';
import { roomOnlyCode, type ConflictCopy, type JoinFromHub, type SyncStatus } from '../contract/sync';
import { AppError } from '../contract/result';
import { ChangeLog } from '../store/change-log';
import { deviceState } from '../store/device-state';
import type { InitiativeLibrary } from '../store/library';
import type { InitiativeStore } from '../store/initiative-store';
import { isLongText } from '../store/schema';
import { exportBundle, importBundle } from './bundle';
import { deriveSyncKey, syncKeyFromBytes, type SyncKey } from './crypto';
import { HubPeer } from './hub-client';
import { syncWith, type SyncOptions } from './protocol';
import { LocalReplica, type SyncPeer } from './replica';

/**
 * Sync as the app uses it: settings and the last outcome live in the initiative's own sync_state
 * (never synced, never in a bundle). The initiative's id is its sync id, so every device holding
 * the initiative meets the others under it on the hub.
 *
 * The derived key is stored, not the passphrase: it is what the app needs to seal and open, and a
 * passphrase reused elsewhere does not leak from a stolen file. (An exported initiative file still
 * carries the key; see the README.)
 */
const keys = {
  hubUrl: 'sync.hub_url',
  key: 'sync.key',
  lastSyncedAt: 'sync.last_synced_at',
  mark: 'sync.mark',
  state: 'sync.state',
  error: 'sync.error',
  clockWarning: 'sync.clock_warning',
  /** The hub-wide key of a roundtable hub on the LAN, set with its code; absent for other hubs. */
  hubKey: 'sync.hub_key',
  /**
   * The enrolment key typed for a hub that does not hold the initiative yet, kept only until the
   * hub has registered it (configure may run offline; the first sync then registers).
   */
  enrolmentKey: 'sync.enrolment_key',
} as const;

export interface SyncServiceOptions {
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Messages per request; the protocol's default unless a test wants many pages. */
  pageSize?: number;
  /** The roundtable hub this laptop hosts, while it runs: synced with too, in process (see lan-hub.ts). */
  lanPeer?: (key: SyncKey) => SyncPeer | null;
}

/**
 * Asks the hub for the initiative's trie without registering it (registering an unknown sync id
 * would claim it for this passphrase). HubPeer reports any other status as unreachable, so the
 * status is watched here to tell "no such initiative on this hub" apart.
 */
async function probeHub(hubUrl: string, key: SyncKey, fetchImpl: typeof fetch, hubKey?: string): Promise<void> {
  let lastStatus = 0;
  const watched: typeof fetch = async (input, init) => {
    const response = await fetchImpl(input, init);
    lastStatus = response.status;
    return response;
  };
  try {
    await new HubPeer(hubUrl, key, watched, hubKey).merkle();
  } catch (error) {
    if (error instanceof AppError && error.code === 'sync_unreachable' && lastStatus === 404) {
      throw new AppError(
        'not_found',
        'The hub has no initiative with that sync id. Check the sync id (Settings → Sync on a computer that has the initiative) and the hub address.',
      );
    }
    throw error;
  }
}

export class SyncService {
  private readonly running = new Map<string, Promise<void>>();
  /** Joins under way, from their first step (deriving the key) to their last. */
  private readonly joining = new Set<string>();
  private readonly progress = new Map<string, NonNullable<SyncStatus['progress']>>();

  constructor(
    private readonly library: InitiativeLibrary,
    private readonly options: SyncServiceOptions = {},
  ) {}

  private read(store: InitiativeStore, key: string): string | undefined {
    return deviceState(store.db).get(key);
  }

  private save(store: InitiativeStore, values: Partial<Record<keyof typeof keys, string | null>>): void {
    deviceState(store.db).set(
      Object.fromEntries(
        (Object.entries(values) as [keyof typeof keys, string | null][]).map(([name, value]) => [keys[name], value]),
      ),
    );
  }

  private keyOf(initiativeId: string, store: InitiativeStore): SyncKey | null {
    const saved = this.read(store, keys.key);
    return saved ? syncKeyFromBytes(initiativeId, Buffer.from(saved, 'base64')) : null;
  }

  private replica(initiativeId: string): LocalReplica {
    const store = this.library.open(initiativeId);
    const key = this.keyOf(initiativeId, store);
    if (!key) throw new AppError('invalid_input', 'Set the team passphrase for sync first (Settings → Sync).');
    return new LocalReplica(store.db, store.writePath, key);
  }

  status(initiativeId: string): SyncStatus {
    const store = this.library.open(initiativeId);
    const mark = this.read(store, keys.mark) ?? '';
    const error = this.read(store, keys.error);
    return {
      configured: this.read(store, keys.key) !== undefined,
      hubUrl: this.read(store, keys.hubUrl) ?? '',
      state: (this.read(store, keys.state) as SyncStatus['state'] | undefined) ?? 'never',
      syncing: this.running.has(initiativeId),
      lastSyncedAt: this.read(store, keys.lastSyncedAt) ?? null,
      pendingChanges: new ChangeLog(store.db).countAfter(mark),
      clockWarning: this.read(store, keys.clockWarning) === '1',
      conflictCopies: this.conflicts(initiativeId).length,
      setAside: store.db.prepare('SELECT count(*) FROM set_aside_messages').pluck().get() as number,
      error: error ? (JSON.parse(error) as SyncStatus['error']) : null,
      progress: this.progress.get(initiativeId) ?? null,
    };
  }

  /**
   * Saves the hub address and the key from the passphrase; a hub that knows another passphrase
   * refuses it, and a hub that does not hold the initiative yet needs the enrolment key. A
   * roundtable hub (hubKey set) must answer now: it is in the room or not at all.
   */
  async configure(
    initiativeId: string,
    hubUrl: string,
    passphrase: string,
    hubKey: string | null = null,
    enrolmentKey: string | null = null,
  ): Promise<SyncStatus> {
    const store = this.library.open(initiativeId);
    const key = await deriveSyncKey(initiativeId, passphrase);
    let registered = hubUrl === '';
    if (hubUrl !== '') {
      try {
        await new HubPeer(hubUrl, key, this.options.fetchImpl, hubKey ?? undefined).register(enrolmentKey ?? undefined);
        registered = true;
      } catch (error) {
        // Offline is fine: the first sync will register. A refusal is said now.
        if (!(error instanceof AppError) || error.code !== 'sync_unreachable' || hubKey !== null) throw error;
      }
    }
    this.save(store, {
      hubUrl,
      key: key.key.toString('base64'),
      error: null,
      hubKey,
      enrolmentKey: registered ? null : enrolmentKey,
    });
    return this.status(initiativeId);
  }

  /** Syncs with the hub now; a sync already under way is joined, not doubled. */
  syncNow(initiativeId: string): Promise<SyncStatus> {
    const running = this.running.get(initiativeId);
    if (running) return running.catch(() => undefined).then(() => this.status(initiativeId));
    const store = this.library.open(initiativeId);
    const hubUrl = this.read(store, keys.hubUrl) ?? '';
    const status = this.status(initiativeId);
    const lan = status.configured ? (this.options.lanPeer?.(this.replica(initiativeId).key) ?? null) : null;
    if (!status.configured || (hubUrl === '' && !lan)) {
      // Not a failure of the request: the status says what is missing, in words the renderer has.
      return Promise.resolve({
        ...status,
        state: 'error',
        error: { code: 'not_configured', message: 'Set the hub address and the team passphrase first.' },
      });
    }
    return this.track(initiativeId, async () => {
      try {
        await this.exchange(initiativeId, hubUrl, { register: true, lan });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        this.save(store, {
          state: error.code === 'sync_unreachable' ? 'offline' : 'error',
          error: JSON.stringify({ code: error.code, message: error.message }),
        });
      }
    }).then(() => this.status(initiativeId));
  }

  /**
   * Joins an initiative from the hub alone: checks the hub knows the sync id and takes the
   * passphrase before any file exists, then syncs into a file with no record of its own (see
   * InitiativeLibrary.createJoining). Any failure removes that file again.
   */
  async join({ hubUrl, syncId, passphrase, hubKey }: JoinFromHub): Promise<Initiative> {
    const initiativeId = syncId.toLowerCase();
    if (this.joining.has(initiativeId) || this.running.has(initiativeId)) {
      throw new AppError('invalid_input', 'This initiative is already being joined on this computer.');
    }
    if (this.library.exists(initiativeId) && !this.library.isUnfinishedJoin(initiativeId)) {
      throw new AppError('invalid_input', 'That initiative is already on this computer: open it from the list.');
    }
    this.joining.add(initiativeId);
    try {
      const key = await deriveSyncKey(initiativeId, passphrase);
      await probeHub(hubUrl, key, this.options.fetchImpl ?? fetch, hubKey);
      // A join that was cut short (the app closed during it) starts over.
      if (this.library.exists(initiativeId)) await this.library.discardJoining(initiativeId);
      const store = this.library.createJoining(initiativeId);
      try {
        await this.track(initiativeId, async () => {
          this.save(store, { hubUrl, hubKey: hubKey ?? null, key: key.key.toString('base64'), error: null });
          await this.exchange(initiativeId, hubUrl, { register: false });
          if (!store.initiative.find()) {
            throw new AppError(
              'not_found',
              'The hub has nothing for that initiative yet. Sync it once from a computer that has it, then join again.',
            );
          }
          this.library.finishJoining(initiativeId);
        });
      } catch (error) {
        await this.library.discardJoining(initiativeId);
        throw error;
      }
    } finally {
      this.joining.delete(initiativeId);
    }
    return this.library.open(initiativeId).initiative.get();
  }

  /** Runs one sync or join for an initiative, visible as `syncing` with its progress until it ends. */
  private track(initiativeId: string, work: () => Promise<void>): Promise<void> {
    const running = work().finally(() => {
      this.running.delete(initiativeId);
      this.progress.delete(initiativeId);
    });
    this.running.set(initiativeId, running);
    return running;
  }

  /**
   * One sync with the hub, and with the roundtable hub this laptop hosts when it runs. Hosting one
   * and also set to an internet hub, this laptop is the bridge: the room's changes go up, and what
   * comes down goes on to the room in the same sync.
   */
  private async exchange(
    initiativeId: string,
    hubUrl: string,
    { register, lan = null }: { register: boolean; lan?: SyncPeer | null },
  ): Promise<void> {
    const store = this.library.open(initiativeId);
    const replica = this.replica(initiativeId);
    const options: SyncOptions = {
      pageSize: this.options.pageSize,
      onProgress: (progress) => this.progress.set(initiativeId, progress),
    };
    const reports = lan ? [await syncWith(replica, lan, options)] : [];
    const reached: SyncPeer[] = lan ? [lan] : [];
    // In a room without internet the room's sync is whole on its own: the team's hub being out of
    // reach is said beside it, and the changes stay counted as pending until that hub has them.
    let teamHubAway: AppError | null = null;
    if (hubUrl !== '') {
      try {
        const hub = new HubPeer(hubUrl, replica.key, this.options.fetchImpl, this.read(store, keys.hubKey));
        if (register) {
          const enrolmentKey = this.read(store, keys.enrolmentKey);
          await hub.register(enrolmentKey);
          if (enrolmentKey !== undefined) this.save(store, { enrolmentKey: null });
        }
        reports.push(await syncWith(replica, hub, options));
        reached.push(hub);
        if (lan) reports.push(await syncWith(replica, lan, options));
      } catch (error) {
        if (!lan || !(error instanceof AppError) || error.code !== 'sync_unreachable') throw error;
        teamHubAway = error;
      }
    }
    // After the syncs, so erasures that just arrived are passed on to the hubs in the same sync.
    await replica.sendErasures(reached, { keep: teamHubAway !== null });
    const inSync = reports.every((one) => one.inSync);
    const newest = new ChangeLog(store.db).newest();
    this.save(store, {
      state: inSync ? 'ok' : 'error',
      lastSyncedAt: new Date((this.options.now ?? Date.now)()).toISOString(),
      ...(teamHubAway ? {} : { mark: newest ?? '' }),
      clockWarning: reports.some((one) => one.driftWarning) ? '1' : '0',
      error: !inSync
        ? JSON.stringify({ code: 'sync_unreachable', message: 'Other devices kept changing things; sync again.' })
        : teamHubAway
          ? JSON.stringify({
              code: roomOnlyCode,
              message: `Synced with the room; the team's hub: ${teamHubAway.message}`,
            })
          : null,
    });
  }

  exportBundle(
    initiativeId: string,
    everything: boolean,
  ): { fileName: string; contentBase64: string; messages: number } {
    const bundle = exportBundle(this.replica(initiativeId), this.library.node, { everything });
    const day = new Date((this.options.now ?? Date.now)()).toISOString().slice(0, 10);
    return {
      fileName: `common-ground-sync-${day}.cgsync`,
      contentBase64: bundle.bytes.toString('base64'),
      messages: bundle.messages,
    };
  }

  importBundle(initiativeId: string, bytes: Buffer): { added: number; duplicates: number } {
    const { added, duplicates } = importBundle(this.replica(initiativeId), bytes);
    return { added, duplicates };
  }

  conflicts(initiativeId: string): ConflictCopy[] {
    const { db } = this.library.open(initiativeId);
    const rows = db
      .prepare(
        `SELECT c.timestamp, c.tbl, c.row_id, c.col, c.value FROM conflict_copies c
         WHERE NOT EXISTS (SELECT 1 FROM conflict_dismissals d WHERE d.id = c.timestamp AND d.dismissed = 1)
           -- A note's lost words follow the note's consent: listed here only when the note may be shared.
           AND (c.tbl <> 'voice_notes' OR c.row_id IN (SELECT id FROM shared_voice_notes))
         ORDER BY c.tbl, c.row_id, c.timestamp`,
      )
      .all() as { timestamp: string; tbl: string; row_id: string; col: string; value: string }[];
    return rows.map((row) => {
      // Table and column come from conflict_copies, which only ever holds long-text fields; checked again
      // against the schema before they go into SQL.
      const current = isLongText(row.tbl, row.col)
        ? (db.prepare(`SELECT ${row.col} FROM ${row.tbl} WHERE id = ?`).pluck().get(row.row_id) as string | null)
        : null;
      return {
        id: row.timestamp,
        table: row.tbl,
        rowId: row.row_id,
        column: row.col,
        text: row.value,
        writtenAt: row.timestamp.slice(0, 24),
        currentText: current ?? null,
      };
    });
  }

  /** Dismissing is a change like any other, so the copy goes away on every device. */
  dismissConflict(initiativeId: string, conflictId: string): void {
    const store = this.library.open(initiativeId);
    const known = store.db.prepare('SELECT 1 FROM conflict_copies WHERE timestamp = ?').pluck().get(conflictId);
    if (!known) throw new AppError('not_found', 'There is no such conflict copy.');
    store.writePath.write([{ table: 'conflict_dismissals', row: conflictId, values: { dismissed: 1 } }]);
  }
}
