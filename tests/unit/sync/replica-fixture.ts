import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src-main/store/connection';
import { WritePath } from '../../../src-main/store/write-path';
import { syncKeyFromBytes, type SyncKey } from '../../../src-main/sync/crypto';
import { LocalReplica } from '../../../src-main/sync/replica';
import { dumpTable, type Row } from '../store/db-dump';

export const syncId = '0196f3a0-0000-7000-8000-00000000c0de';
/** A fixed key: tests of the protocol need not pay for scrypt on every replica. */
export const teamKey: SyncKey = syncKeyFromBytes(syncId, Buffer.alloc(32, 7));

export interface TestReplica {
  db: Db;
  writePath: WritePath;
  replica: LocalReplica;
  /** Moves this replica's wall clock. */
  clock: { now: number };
}

/** A replica on a real SQLite file in `dir`, with its own node id and a wall clock the test moves. */
export function openReplica(dir: string, index: number, now: number, key: SyncKey = teamKey): TestReplica {
  const db = openDatabase(join(dir, `replica-${index}.sqlite`), { create: true });
  // Real files, but no fsync: the property test opens thousands of them and durability is not its subject.
  db.pragma('synchronous = OFF');
  const clock = { now };
  const writePath = new WritePath(db, index.toString(16).padStart(16, 'a'), { now: () => clock.now });
  return { db, writePath, replica: new LocalReplica(db, writePath, key), clock };
}

/**
 * Tables whose rows the replicas must agree on: every synced table, the log, the trie and the copies
 * (not what each device keeps for itself: its sync settings, peers' tries, erasures its hubs still owe).
 */
export function syncedState(db: Db): Record<string, Row[]> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' " +
        "AND name NOT IN ('sync_state', 'peer_tries', 'hub_erasures') ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const state: Record<string, Row[]> = {};
  // How a device stores its log is its own (packs or one row per message, depending on how the
  // messages arrived; migration 0190): the messages themselves, the change_log view, are what
  // replicas must agree on.
  const logStorage = ['change_fields', 'change_packs', 'change_pack_writers'];
  for (const table of [...tables.filter((name) => !logStorage.includes(name)), 'change_log']) {
    state[table] = dumpTable(db, table);
  }
  return state;
}
