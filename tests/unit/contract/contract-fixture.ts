import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { channels, type Channel, type ChannelOutput } from '../../../src-main/contract/channels';
import { errorCodes, type Result } from '../../../src-main/contract/result';
import { createHandlers, dispatch, dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { expand, type PackRow } from '../../../src-main/store/packs';
import type { FieldValue } from '../../../src-main/sync/messages';
import { domainTables } from '../../../src-main/store/schema';
import { makeTempDir } from '../../fixtures/temp-dir';

export const resourcesDir = join(import.meta.dirname, '..', '..', '..', 'resources');
export const testNode = '00000000000000aa';

/** The tables that make up an initiative's state: domain rows, the change log and sync bookkeeping. */
// The log's own tables; `change_log` is made from them below rather than read through the view,
// which reads values from rows (migration 0210) and costs milliseconds to compile on each fresh
// connection, and a fuzz test dumps thousands of times.
const dumpedTables = [...Object.keys(domainTables), 'change_fields', 'change_packs', 'merkle', 'sync_state'];

export type DataDump = Record<string, Record<string, unknown[]>>;

export interface ContractFixture {
  dataDir: string;
  library: InitiativeLibrary;
  handlers: HandlerMap;
  /** dispatch() on this fixture's handlers, exactly as the transports call it. */
  call(channel: string, input: unknown): Result<unknown>;
  /** dispatchAsync(), which the transports use: also answers the channels that finish later. */
  callAsync(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Calls a channel that must succeed and returns its value, parsed with the channel's output schema. */
  ok<C extends Channel>(channel: C, input: unknown): ChannelOutput<C>;
  dump(): DataDump;
  close(): void;
}

export function openContractFixture(): ContractFixture {
  const temp = makeTempDir('common-ground-contract-');
  const library = new InitiativeLibrary(temp.dir, { node: testNode });
  const handlers = createHandlers({ library, resourcesDir, version: '0.0.0-test', transport: 'host' });
  const call = (channel: string, input: unknown) => dispatch(handlers, channel, input);
  return {
    dataDir: temp.dir,
    library,
    handlers,
    call,
    callAsync: (channel: string, input: unknown) => dispatchAsync(handlers, channel, input),
    ok<C extends Channel>(channel: C, input: unknown): ChannelOutput<C> {
      const result = call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return channels[channel].output.parse(result.value) as ChannelOutput<C>;
    },
    dump: () => dumpDataDir(temp.dir),
    close() {
      library.close();
      temp.cleanup();
    },
  };
}

/**
 * Every initiative file in the data folder, read through its own read-only connection (not the
 * library's), so what is compared is what is on disk, committed.
 */
export function dumpDataDir(dataDir: string): DataDump {
  const folder = join(dataDir, 'initiatives');
  const dump: DataDump = {};
  for (const name of readdirSync(folder)
    .filter((file) => file.endsWith('.sqlite'))
    .sort()) {
    const db = new Database(join(folder, name), { readonly: true, fileMustExist: true });
    try {
      const tables = {} as DataDump[string];
      for (const table of dumpedTables) tables[table] = db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
      tables.change_log = changeLogOf(tables);
      dump[name] = tables;
    } finally {
      db.close();
    }
  }
  return dump;
}

/**
 * The rows the change_log view would list, oldest first, from a dump's change_fields and
 * change_packs: a pack entry whose value stays in its row takes it from the dumped row.
 */
function changeLogOf(tables: DataDump[string]): unknown[] {
  const rowsOf = new Map<string, Map<unknown, Record<string, unknown>>>();
  const rowOf = (table: string, id: string) => {
    let rows = rowsOf.get(table);
    if (!rows) {
      rows = new Map((tables[table] as Record<string, unknown>[] | undefined)?.map((row) => [row.id, row]) ?? []);
      rowsOf.set(table, rows);
    }
    return rows.get(id);
  };
  const packed = (tables.change_packs as PackRow[]).flatMap((pack) =>
    expand(pack, (column, _timestamp, row) => (rowOf(pack.tbl, row)?.[column] ?? null) as FieldValue).map(
      (message) => ({
        timestamp: message.timestamp,
        tbl: message.table,
        row_id: message.row,
        col: message.column,
        value: message.value,
        base: null,
      }),
    ),
  );
  const all = [...(tables.change_fields as { timestamp: string }[]), ...packed];
  return all.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
}

/** A Result is exactly one of the two envelope shapes, with a known code and readable message. */
export function expectWellFormedResult(result: unknown): asserts result is Result<unknown> {
  expect(result).toBeTypeOf('object');
  expect(result).not.toBeNull();
  const envelope = result as Record<string, unknown>;
  if (envelope.ok === true) {
    expect(Object.keys(envelope).sort()).toEqual(['ok', 'value']);
    return;
  }
  expect(envelope.ok).toBe(false);
  expect(Object.keys(envelope).sort()).toEqual(['error', 'ok']);
  const error = envelope.error as Record<string, unknown>;
  expect(errorCodes).toContain(error.code);
  expect(error.message).toBeTypeOf('string');
  expect((error.message as string).length).toBeGreaterThan(0);
  if ('issues' in error) {
    expect(Array.isArray(error.issues)).toBe(true);
    for (const issue of error.issues as unknown[]) {
      expect(issue).toEqual({ path: expect.any(String), message: expect.any(String) });
    }
  }
  // The host sends the envelope as JSON, so it must survive a round trip unchanged.
  expect(JSON.parse(JSON.stringify(envelope))).toEqual(envelope);
}
