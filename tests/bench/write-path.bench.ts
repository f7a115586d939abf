import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
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

/** Same pragmas as the app (WAL, synchronous NORMAL), a fresh file each run. */
function freshDb(dir: string, name: string): Database.Database {
  const path = join(dir, name);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

/**
 * Median wall time and median CPU time (user + system of this process) of `runs` runs after a
 * warm-up. On a machine shared with other work, CPU time moves less than wall time.
 */
function medians(runs: number, work: () => void): { wallMs: number; cpuMs: number } {
  work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    work();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { wallMs: median(wall), cpuMs: median(cpu) };
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

  const raw = medians(5, () => {
    const db = freshDb(dir, 'raw.sqlite');
    db.exec(`CREATE TABLE bench_partners (id TEXT PRIMARY KEY NOT NULL, ${columns})`);
    const insert = db.prepare(
      `INSERT INTO bench_partners (id, ${fieldNames.join(', ')}) VALUES (?${', ?'.repeat(fields)})`,
    );
    db.transaction(() => {
      for (const change of changes) insert.run(change.row, ...fieldNames.map((name) => change.values[name]));
    })();
    db.close();
  });

  let messages = 0;
  const writePath = medians(5, () => {
    const db = freshDb(dir, 'write-path.sqlite');
    migrate(db);
    db.exec(
      `CREATE TABLE bench_partners (id TEXT PRIMARY KEY NOT NULL, ${columns}, tombstone INTEGER NOT NULL DEFAULT 0, _clock TEXT NOT NULL DEFAULT '{}')`,
    );
    // writeMany, as the app's imports call it: nobody asks for the messages back, so none is made.
    messages = new WritePath(db, '00000000000000be', { tables: registry }).writeMany(changes).count;
    db.close();
  });

  const rawMs = raw.wallMs;
  const writePathMs = writePath.wallMs;
  const ratio = writePathMs / rawMs;
  const cpuRatio = writePath.cpuMs / raw.cpuMs;
  console.log(
    `write path: ${messages} field changes in ${formatMs(writePathMs)}; raw inserts ${formatMs(rawMs)}; ratio ${ratio.toFixed(2)}x (CPU time ${formatMs(writePath.cpuMs)} vs ${formatMs(raw.cpuMs)}, ${cpuRatio.toFixed(2)}x)`,
  );
  return [
    {
      name: `Write path: ${rows.toLocaleString('en')} partners × ${fields} fields (${messages.toLocaleString('en')} change messages), one transaction`,
      value: formatMs(writePathMs),
      target: '—',
      met: null,
      note: 'median of 5, fresh WAL file each run (schema migrated inside the timing), synchronous=NORMAL (as the app)',
    },
    {
      name: 'Raw better-sqlite3 INSERT of the same 10,000 rows, one transaction',
      value: formatMs(rawMs),
      target: '—',
      met: null,
      note: 'baseline, same run, same pragmas',
    },
    {
      name: 'Write path ÷ raw',
      value: `${ratio.toFixed(2)}×`,
      target: '≤ 2×',
      met: ratio <= 2,
      note: `the write path also keeps every message in its log (10,000 packs of 10 fields since migration 0190), a clock of each field's timestamp in each row (short form since row-clock.ts) and the merkle trie; in CPU time (this process, less moved by other load) ${formatMs(writePath.cpuMs)} against ${formatMs(raw.cpuMs)}, ${cpuRatio.toFixed(2)}×`,
    },
  ];
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
