import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { migrate } from '../../src-main/store/connection';
import type { TableRegistry } from '../../src-main/store/schema';
import { WritePath, type RowChange } from '../../src-main/store/write-path';
import { formatMs, type Figure } from './measure';

const rows = 10_000;
const fields = 10;
const fieldNames = Array.from({ length: fields }, (_, i) => `field_${i}`);
const registry: TableRegistry = {
  bench_partners: Object.fromEntries(fieldNames.map((name) => [name, 'text' as const])),
};

/**
 * Same pragmas as the app's store connection (WAL, synchronous NORMAL, no checkpoint inside a
 * commit: the app folds the -wal into the file in the background), a fresh file each run.
 */
function freshDb(dir: string, name: string): Database.Database {
  const path = join(dir, name);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  return db;
}

interface Timing {
  wallMs: number;
  cpuMs: number;
  /** The checkpoint that folds what the run wrote into the database file, timed after it. */
  checkpointMs: number;
}

interface Side {
  prepare: () => Database.Database;
  work: (db: Database.Database) => void;
}

/**
 * Wall time and CPU time (user + system of this process; on a machine shared with other work, CPU
 * time moves less than wall time) of `work` alone, on a database `prepare` made (schema in place,
 * folded into the file), then the checkpoint of what it wrote.
 */
function timeOnce({ prepare, work }: Side): Timing {
  const db = prepare();
  // At rest before the work, as the app's background checkpoints leave a file: otherwise the
  // write path's side would also page through the migration's frames still in the -wal.
  db.pragma('wal_checkpoint(TRUNCATE)');
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  work(db);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpuStart);
  const checkpointStart = performance.now();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const checkpointMs = performance.now() - checkpointStart;
  db.close();
  return { wallMs, cpuMs: (used.user + used.system) / 1000, checkpointMs };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/**
 * The two sides run in turn, `runs` times after a warm-up of each, so that a burst of other load
 * on the machine falls on both: the medians of each side, and the median of the ratios of each
 * pair of turns (the figure to read).
 */
function alternated(runs: number, baseline: Side, measured: Side) {
  timeOnce(baseline);
  timeOnce(measured);
  const pairs = Array.from({ length: runs }, () => [timeOnce(baseline), timeOnce(measured)] as const);
  const medians = (side: 0 | 1): Timing => ({
    wallMs: median(pairs.map((pair) => pair[side].wallMs)),
    cpuMs: median(pairs.map((pair) => pair[side].cpuMs)),
    checkpointMs: median(pairs.map((pair) => pair[side].checkpointMs)),
  });
  const ratio = (of: (run: Timing) => number) => median(pairs.map(([raw, path]) => of(path) / of(raw)));
  return {
    baseline: medians(0),
    measured: medians(1),
    wallRatio: ratio((run) => run.wallMs),
    cpuRatio: ratio((run) => run.cpuMs),
    withCheckpoints: ratio((run) => run.wallMs + run.checkpointMs),
  };
}

function partnerValues(i: number): Record<string, string> {
  return Object.fromEntries(fieldNames.map((name, f) => [name, `partner ${i} value ${f}`]));
}

export function benchWritePath(dir: string): Figure[] {
  const columns = fieldNames.map((name) => `${name} TEXT`).join(', ');
  const changes: RowChange[] = Array.from({ length: rows }, (_, i) => ({
    table: 'bench_partners',
    row: `p-${String(i).padStart(6, '0')}`,
    values: partnerValues(i),
  }));

  let messages = 0;
  const runs = 11;
  const {
    baseline: raw,
    measured: writePath,
    wallRatio: ratio,
    cpuRatio,
    withCheckpoints,
  } = alternated(
    runs,
    {
      prepare: () => {
        const db = freshDb(dir, 'raw.sqlite');
        db.exec(`CREATE TABLE bench_partners (id TEXT PRIMARY KEY NOT NULL, ${columns})`);
        return db;
      },
      work: (db) => {
        const insert = db.prepare(
          `INSERT INTO bench_partners (id, ${fieldNames.join(', ')}) VALUES (?${', ?'.repeat(fields)})`,
        );
        db.transaction(() => {
          for (const change of changes) insert.run(change.row, ...fieldNames.map((name) => change.values[name]));
        })();
      },
    },
    {
      prepare: () => {
        const db = freshDb(dir, 'write-path.sqlite');
        migrate(db);
        db.exec(
          `CREATE TABLE bench_partners (id TEXT PRIMARY KEY NOT NULL, ${columns}, tombstone INTEGER NOT NULL DEFAULT 0, _clock TEXT NOT NULL DEFAULT '{}')`,
        );
        return db;
      },
      work: (db) => {
        // writeMany, as the app's imports call it: nobody asks for the messages back, so none is made.
        messages = new WritePath(db, '00000000000000be', { tables: registry }).writeMany(changes).count;
      },
    },
  );
  const bytes = { raw: fileSize(join(dir, 'raw.sqlite')), writePath: fileSize(join(dir, 'write-path.sqlite')) };
  const logged = new Database(join(dir, 'write-path.sqlite'), { readonly: true });
  const packs = logged.prepare('SELECT count(*) FROM change_packs').pluck().get() as number;
  logged.close();
  const rawMs = raw.wallMs;
  const writePathMs = writePath.wallMs;
  console.log(
    `write path: ${messages} field changes in ${formatMs(writePathMs)}; raw inserts ${formatMs(rawMs)}; ratio ${ratio.toFixed(2)}x (CPU time ${formatMs(writePath.cpuMs)} vs ${formatMs(raw.cpuMs)}, ${cpuRatio.toFixed(2)}x; with each side's checkpoint ${withCheckpoints.toFixed(2)}x)`,
  );
  return [
    {
      name: `Write path: ${rows.toLocaleString('en')} partners × ${fields} fields (${messages.toLocaleString('en')} change messages), one transaction`,
      value: formatMs(writePathMs),
      target: '—',
      met: null,
      note: `median of ${runs}, turn about with the raw inserts after a warm-up of each, fresh WAL file each run with the schema in place (migrating it is not timed), synchronous=NORMAL and no checkpoint inside the commit (as the app's store); the checkpoint after it took ${formatMs(writePath.checkpointMs)}; file ${mb(bytes.writePath)}`,
    },
    {
      name: 'Raw better-sqlite3 INSERT of the same 10,000 rows, one transaction',
      value: formatMs(rawMs),
      target: '—',
      met: null,
      note: `baseline, same run, same pragmas and timing, in turn with the write path; its checkpoint took ${formatMs(raw.checkpointMs)}; file ${mb(bytes.raw)}`,
    },
    {
      name: 'Write path ÷ raw',
      value: `${ratio.toFixed(2)}×`,
      target: '≤ 2×',
      met: ratio <= 2,
      note: `median of the ${runs} ratios of one raw run and the write-path run after it; the write path also keeps a log of every message (${packs.toLocaleString('en')} packs of several rows since migration 0220, each naming the rows and fields of up to 500 stamps, the values staying in the rows since 0210), a clock of each field's timestamp in each row (short form since row-clock.ts) and the merkle trie; in CPU time (this process, less moved by other load; medians ${formatMs(writePath.cpuMs)} against ${formatMs(raw.cpuMs)}) ${cpuRatio.toFixed(2)}×; counting each side's checkpoint too, ${withCheckpoints.toFixed(2)}×`,
    },
  ];
}

function fileSize(path: string): number {
  return statSync(path).size;
}

function mb(size: number): string {
  return `${(size / 1_000_000).toFixed(1)} MB`;
}

// `npx tsx tests/bench/write-path.bench.ts` prints these figures alone.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), 'cg-write-path-bench-'));
  try {
    for (const figure of benchWritePath(dir)) console.log(`${figure.name}: ${figure.value} (${figure.note})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
