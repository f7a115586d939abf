import type { Db } from './connection';

const holds = new WeakMap<Db, { count: number; pages: number }>();

/**
 * For a long receive (many pages, each its own transaction): holds back SQLite's automatic
 * checkpoints on this connection until the returned release, which folds the -wal file into the
 * database once. Each automatic checkpoint syncs both files to the disk; a 100,000-message sync
 * made about six, and on a busy disk they cost more wall time than the inserts. Commits stay as
 * durable as before (the -wal file is flushed after each, see wal-flusher.ts); the -wal file only
 * grows larger meanwhile. Holds may nest; the last release restores the setting.
 */
export function holdCheckpoints(db: Db): () => void {
  let hold = holds.get(db);
  if (!hold) {
    hold = { count: 0, pages: db.pragma('wal_autocheckpoint', { simple: true }) as number };
    holds.set(db, hold);
    db.pragma('wal_autocheckpoint = 0');
  }
  hold.count++;
  let released = false;
  return () => {
    if (released || !hold) return;
    released = true;
    if (--hold.count > 0) return;
    holds.delete(db);
    if (!db.open) return;
    db.pragma(`wal_autocheckpoint = ${Math.trunc(hold.pages)}`);
    db.pragma('wal_checkpoint(PASSIVE)');
  };
}
