import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/result';
import type { BatchStatus } from '../../../src-main/contract/summary';
import { readZip } from '../../../src-main/features/exchange/zip';
import { createHandlers, dispatch, type HandlerMap } from '../../../src-main/features/handlers';
import { uniqueFileNames } from '../../../src-main/features/summary/files';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { makeTempDir } from '../../fixtures/temp-dir';
import { resourcesDir } from '../contract/contract-fixture';

/** Partners whose names clean to the same file name, or are one file where case does not count. */
const partnerNames = ['North/South Trust', 'North:South Trust', 'ACME', 'acme', 'Café', 'Cafe\u0301', 'CON', 'Trust. '];

const temp = makeTempDir('common-ground-names-');
const exportDir = join(temp.dir, 'exports');
let library: InitiativeLibrary;
let handlers: HandlerMap;
let initiativeId = '';
let sessionId = '';
const partnerIds: string[] = [];

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}
const call = <T = { id: string }>(channel: string, input: Record<string, unknown>) =>
  value<T>(dispatch(handlers, channel, input));

beforeAll(() => {
  library = new InitiativeLibrary(join(temp.dir, 'data'), { node: '00000000000000aa', backups: false });
  handlers = createHandlers({ library, resourcesDir, version: '0.0.0-test', transport: 'host', exportDir });
  initiativeId = call('initiatives.create', { name: 'Name clashes' }).id;
  sessionId = call('sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'Spring table', startsAt: '2026-04-02T18:00' },
  }).id;
  for (const name of partnerNames) {
    const id = call('partners.create', { initiativeId, partner: { name, sector: 'business' } }).id;
    partnerIds.push(id);
    call('actions.add', { initiativeId, action: { text: `Action owned by ${name}`, ownerId: id, sessionId } });
  }
});

afterAll(() => {
  library.close();
  temp.cleanup();
});

async function runBatch(packaging: 'zip' | 'files'): Promise<BatchStatus> {
  const started = call<BatchStatus>('summary.batchStart', { initiativeId, sessionId, format: 'md', packaging });
  for (;;) {
    const status = call<BatchStatus>('summary.batchStatus', { jobId: started.jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const sameOnDisk = (name: string) => name.normalize('NFC').toLowerCase();

describe('per-partner summary file names', () => {
  it('gives every partner its own entry in the zip, holding its own action', async () => {
    const status = await runBatch('zip');
    expect(status.state).toBe('done');
    const entries = readZip(readFileSync(status.savedTo[0]));
    expect(entries.size).toBe(partnerNames.length);
    expect(new Set([...entries.keys()].map(sameOnDisk)).size).toBe(partnerNames.length);
    // Each partner's action is in exactly one entry, and each entry holds one action.
    const texts = [...entries.values()].map((read) => new TextDecoder().decode(read()));
    for (const name of partnerNames) {
      const holders = texts.filter((text) => text.includes(`Action owned by ${name.trim()}`));
      expect(holders, name).toHaveLength(1);
    }
  });

  it('writes one file per partner into the folder, none replacing another', async () => {
    const status = await runBatch('files');
    expect(status.state).toBe('done');
    expect(status.savedTo).toHaveLength(partnerNames.length);
    const folder = join(status.savedTo[0], '..');
    expect(readdirSync(folder)).toHaveLength(partnerNames.length);
  });

  it('are safe on Windows: no reserved stem, no trailing dot or space, short enough', () => {
    const names = uniqueFileNames([
      'CON.docx',
      'con.docx',
      'lpt1 .md',
      'com¹.pdf',
      'Report. .pdf',
      `${'Long partner name '.repeat(20)}.docx`,
      `${'Long partner name '.repeat(20)}.docx`,
      `${'شريك '.repeat(40)}.pdf`,
    ]);
    expect(new Set(names.map(sameOnDisk)).size).toBe(names.length);
    for (const name of names) {
      const stem = name.slice(0, name.lastIndexOf('.'));
      expect(stem.split('.')[0].trim(), name).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
      expect(stem, name).not.toMatch(/[. ]$/);
      expect(name, name).not.toMatch(/[\\/:*?"<>|]/);
      expect([...stem].length, name).toBeLessThanOrEqual(100);
      expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(255);
    }
    expect(names[5]).not.toBe(names[6]);
    expect(names[6]).toMatch(/ \(2\)\.docx$/);
  });
});
