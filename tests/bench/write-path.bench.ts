import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../../src-main/store/connection';
import type { TableRegistry } from '../../src-main/store/schema';
import { WritePath, type RowChange } from '../../src-main/store/write-path';
import { formatMs, medianMs, type Figure } from './measure';

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

  const rawMs = medianMs(5, () => {
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
  const writePathMs = medianMs(5, () => {
    const db = freshDb(dir, 'write-path.sqlite');
    migrate(db);
    db.exec(
      `CREATE TABLE bench_partners (id TEXT PRIMARY KEY NOT NULL, ${columns}, tombstone INTEGER NOT NULL DEFAULT 0, _clock TEXT NOT NULL DEFAULT '{}')`,
    );
    const writePath = new WritePath(db, '00000000000000be', { tables: registry });
    messages = writePath.write(changes).length;
    db.close();
  });

  const ratio = writePathMs / rawMs;
  console.log(
    `write path: ${messages} field changes in ${formatMs(writePathMs)}; raw inserts ${formatMs(rawMs)}; ratio ${ratio.toFixed(2)}x`,
  );
  return [
    {
      name: `Write path: ${rows.toLocaleString('en')} partners × ${fields} fields (${messages.toLocaleString('en')} change messages), one transaction`,
      value: formatMs(writePathMs),
      target: '—',
      met: null,
      note: 'median of 5, fresh WAL file each run, synchronous=NORMAL (as the app)',
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
      target: '≤ 3×',
      met: ratio <= 3,
      note: 'the write path also appends 100,000 log rows, keeps per-field clocks and updates the merkle trie',
    },
  ];
}
