import { open } from 'node:fs/promises';

/**
 * Puts committed transactions on the disk without making the person wait for it.
 *
 * The database runs WAL with synchronous = NORMAL: a commit is written to the -wal file (the
 * operating system holds it) and returns in well under a millisecond, instead of waiting 20 ms or
 * more for the disk as synchronous = FULL did on every keystroke. A crash or kill of the app loses
 * nothing that was committed: the operating system still writes the file out. Only a power cut or
 * a crash of the whole computer could, and this closes most of that gap: after each commit the
 * -wal file is flushed to the disk in the background (fdatasync on libuv's thread pool), so the
 * window is the length of one flush. Flushes never overlap: commits made while one runs are
 * covered by a single next one. SQLite itself syncs the -wal before each checkpoint.
 */
export class WalFlusher {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly walPath: string) {}

  /** After a commit: resolves once everything committed before this call is on the disk. */
  flush(): Promise<void> {
    if (!this.running) return this.start();
    // The running flush may have begun before this commit, so one more follows it.
    this.next ??= this.running.then(() => {
      this.next = null;
      return this.start();
    });
    return this.next;
  }

  /** Resolves when no flush is running or queued. */
  settled(): Promise<void> {
    return this.next ?? this.running ?? Promise.resolve();
  }

  private start(): Promise<void> {
    const work = this.sync().finally(() => {
      if (this.running === work) this.running = null;
    });
    this.running = work;
    return work;
  }

  private async sync(): Promise<void> {
    let handle;
    try {
      handle = await open(this.walPath, 'r+');
    } catch (error) {
      // No -wal file: the last connection checkpointed it into the database, which SQLite synced.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
}
