import type { Db } from './connection';

const holds = new WeakMap<Db, { count: number; pages: number }>();
/** Connections whose -wal file is folded in by another thread (background-checkpoints.ts). */
const foldedElsewhere = new WeakMap<Db, () => void>();

/**
 * For a long receive (many pages, each its own transaction): holds back checkpoints of this
 * connection's file until the returned release, which folds the -wal file into the database once.
 * Each checkpoint syncs both files to the disk; a 100,000-message sync made about six, and on a
 * busy disk they cost more wall time than the inserts. Commits stay as durable as before (the -wal
 * file is flushed after each, see wal-flusher.ts); the -wal file only grows larger meanwhile.
 * Holds may nest; the last release restores the setting. When another thread folds the file in
 * (background-checkpoints.ts), it starts none while a hold lasts and the release asks it for one.
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
    const fold = foldedElsewhere.get(db);
    if (fold) fold();
    else db.pragma('wal_checkpoint(PASSIVE)');
  };
}

export function checkpointsHeld(db: Db): boolean {
  return holds.has(db);
}

/**
 * Sets SQLite's automatic checkpoint on this connection (0: none), or, while a hold lasts, the
 * setting its release restores, so a hold never undoes it.
 */
export function setAutomaticCheckpoints(db: Db, pages: number): void {
  const hold = holds.get(db);
  if (hold) hold.pages = pages;
  else db.pragma(`wal_autocheckpoint = ${Math.trunc(pages)}`);
}

/** Says that `fold` folds this connection's -wal file in from elsewhere; null: this thread does again. */
export function foldCheckpointsElsewhere(db: Db, fold: (() => void) | null): void {
  if (fold) foldedElsewhere.set(db, fold);
  else foldedElsewhere.delete(db);
}
