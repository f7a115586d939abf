import Database from 'better-sqlite3';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src-main/contract/channels';
import { expectWellFormedResult, openContractFixture, type ContractFixture } from '../contract/contract-fixture';
import { corrupted, plainMessageProblem } from './hostile';
import { writeWorkbook } from '../../../src-main/features/exchange/xlsx';
import { readZip, writeZip } from '../../../src-main/features/exchange/zip';
import { openSealedFile } from '../../../src-main/store/sealed-file';
import { makeTempDir } from '../../fixtures/temp-dir';

/*
 * Malformed and truncated files through the real import channels: the CSV and Kumu importers
 * (partners.import.*) and the REFI-QDA codebook (themes.importQdc). The starting files are real
 * exports of a small initiative, so a corruption lands in a file that was good a moment ago.
 * Every answer must be a Result in plain words; a refused import leaves the database exactly as it
 * was, and an accepted one adds exactly what it says it added (nothing half-imported).
 */

const runs = Number(process.env.FUZZ_RUNS ?? 30);

let fixture: ContractFixture;
let sourceId: string;
let targetId: string;
type PartnerFormat = 'csv' | 'kumu-json' | 'kumu-xlsx' | 'gexf' | 'graphml';
const partnerFormats = ['csv', 'kumu-json', 'kumu-xlsx', 'gexf', 'graphml'] as const;
const files: Record<PartnerFormat | 'qdc', Buffer> = {} as never;

beforeAll(() => {
  fixture = openContractFixture();
  sourceId = fixture.ok('initiatives.create', { name: 'Source' }).id;
  targetId = fixture.ok('initiatives.create', { name: 'Target' }).id;
  const names = ['Eastside Library', 'Clínica del Este', 'Youth Council "North"', 'Ana, facilitator'];
  const ids = names.map(
    (name, index) =>
      fixture.ok('partners.create', {
        initiativeId: sourceId,
        partner: { name, sector: index % 2 ? 'health' : 'education', tags: ['a', 'b c'], notes: 'line\nbreak' },
      }).id,
  );
  fixture.ok('relationships.create', {
    initiativeId: sourceId,
    relationship: { fromId: ids[0], toId: ids[1], kind: 'funds', strength: 2 },
  });
  fixture.ok('themes.create', { initiativeId: sourceId, theme: { name: 'Childcare', colour: '#336699' } });
  fixture.ok('themes.create', { initiativeId: sourceId, theme: { name: 'Transport & <roads>' } });
  for (const format of partnerFormats) {
    files[format] = Buffer.from(
      fixture.ok('partners.export', { initiativeId: sourceId, format }).contentBase64,
      'base64',
    );
  }
  files.qdc = Buffer.from(fixture.ok('themes.exportQdc', { initiativeId: sourceId }).contentBase64, 'base64');
});

afterAll(() => fixture.close());

function counts(): { partners: number; relationships: number; themes: number; changes: number } {
  const db = fixture.dump()[`${targetId}.sqlite`];
  return {
    partners: db.partners.length,
    relationships: db.relationships.length,
    themes: db.themes.length,
    changes: db.change_log.length,
  };
}

function expectPlainRefusal(result: unknown): void {
  expectWellFormedResult(result);
  if (result.ok) return;
  expect(result.error.code, result.error.message).not.toBe('internal');
  expect(plainMessageProblem(result.error.message), result.error.message.slice(0, 300)).toBeNull();
}

async function checkPartnerImport(format: PartnerFormat, content: Buffer): Promise<void> {
  const request = {
    initiativeId: targetId,
    format,
    fileName: `partners.${format === 'kumu-xlsx' ? 'xlsx' : format === 'kumu-json' ? 'json' : format}`,
    contentBase64: content.toString('base64'),
  };
  const before = fixture.dump();
  const preview = await fixture.callAsync('partners.import.preview', request);
  expectPlainRefusal(preview);
  expect(fixture.dump()).toEqual(before);
  const commit = await fixture.callAsync('partners.import.commit', request);
  expectPlainRefusal(commit);
  if (!commit.ok) {
    expect(fixture.dump()).toEqual(before);
    return;
  }
  // Accepted: the preview must have promised the same, with no row errors, and the rows counted are there.
  expect(preview.ok).toBe(true);
  if (preview.ok) expect((preview.value as { errors: unknown[] }).errors).toEqual([]);
  const outcome = commit.value as { partnersAdded: number; relationshipsAdded: number };
  const db = fixture.dump()[`${targetId}.sqlite`];
  expect(db.partners.length).toBe(before[`${targetId}.sqlite`].partners.length + outcome.partnersAdded);
  expect(db.relationships.length).toBe(before[`${targetId}.sqlite`].relationships.length + outcome.relationshipsAdded);
}

async function checkCodebookImport(content: Buffer): Promise<void> {
  const before = counts();
  const dumpBefore = fixture.dump();
  const result = await fixture.callAsync('themes.importQdc', {
    initiativeId: targetId,
    fileName: 'codebook.qdc',
    contentBase64: content.toString('base64'),
  });
  expectPlainRefusal(result);
  if (!result.ok) {
    expect(fixture.dump()).toEqual(dumpBefore);
    return;
  }
  expect(counts().themes).toBe(before.themes + (result.value as { created: number }).created);
}

describe.each(partnerFormats)('%s partner import of a damaged file', (format) => {
  it('the undamaged export imports (so refusals below are about the damage)', async () => {
    const result = await fixture.callAsync('partners.import.preview', {
      initiativeId: targetId,
      format,
      fileName: 'partners',
      contentBase64: files[format].toString('base64'),
    });
    expect(result.ok && (result.value as { partners: number }).partners, JSON.stringify(result)).toBe(4);
  });

  it(
    'is refused in plain words with nothing written, or imported whole',
    async () => {
      await fc.assert(
        fc.asyncProperty(corrupted(files[format]), (content) => checkPartnerImport(format, content)),
        { numRuns: runs },
      );
    },
    30_000 + runs * 1_000,
  );
});

/**
 * Kumu JSON as real projects write it: labels repeated, words in number columns, attributes named
 * like Kumu's own fields, connections to elements the file lacks, every direction.
 */
const oddKumuJson = fc
  .record({
    labels: fc.array(fc.constantFrom('Harbour Clinic', 'Food Bank', 'Youth Council', 'City Hall', ''), {
      minLength: 1,
      maxLength: 6,
    }),
    influence: fc.array(fc.constantFrom('High', '3', '9', '', 'n/a', '2.5'), { minLength: 6, maxLength: 6 }),
    tags: fc.array(
      fc.constantFrom('a|b', 'x'.repeat(45), '', Array.from({ length: 33 }, (_, i) => `t${i}`).join('|')),
      {
        minLength: 6,
        maxLength: 6,
      },
    ),
    connections: fc.array(
      fc.record({
        from: fc.constantFrom('Harbour Clinic', 'Food Bank', 'Nowhere Org', 'e0', ''),
        to: fc.constantFrom('Youth Council', 'City Hall', 'Elsewhere Org', 'e1'),
        direction: fc.constantFrom('directed', 'undirected', 'mutual', '', 'sideways'),
        attributeFrom: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
  })
  .map(({ labels, influence, tags, connections }) =>
    Buffer.from(
      JSON.stringify({
        elements: labels.map((label, i) => ({
          _id: `e${i}`,
          attributes: { label, influence: influence[i], tags: tags[i], from: 'x', id: 'shadow' },
        })),
        connections: connections.map((connection, i) => ({
          _id: `c${i}`,
          from: connection.from,
          to: connection.to,
          attributes: {
            'connection direction': connection.direction,
            ...(connection.attributeFrom ? { from: 'City Hall', to: 'Food Bank' } : {}),
          },
        })),
      }),
    ),
  );

describe('Kumu JSON with the oddities of real projects', () => {
  it(
    'is refused in plain words with nothing written, or imported whole',
    async () => {
      await fc.assert(
        fc.asyncProperty(oddKumuJson, (content) => checkPartnerImport('kumu-json', content)),
        { numRuns: runs },
      );
    },
    30_000 + runs * 1_000,
  );
});

describe('REFI-QDA codebook import of a damaged file', () => {
  it('the undamaged export imports', async () => {
    const result = await fixture.callAsync('themes.importQdc', {
      initiativeId: sourceId,
      fileName: 'codebook.qdc',
      contentBase64: files.qdc.toString('base64'),
    });
    expect(result).toEqual({ ok: true, value: { created: 0, updated: 0, unchanged: 2, warnings: [] } });
  });

  it(
    'is refused in plain words with nothing written, or imported whole',
    async () => {
      await fc.assert(
        fc.asyncProperty(corrupted(files.qdc), (content) => checkCodebookImport(content)),
        { numRuns: runs },
      );
    },
    30_000 + runs * 1_000,
  );
});

describe('whole-initiative file import of a database with a broken schema', () => {
  it("is refused in plain words, not in SQLite's (found by the fuzzing below at 200 runs)", async () => {
    // An index whose table is gone: SQLite says "malformed database schema (...) - orphan index".
    const temp = makeTempDir('common-ground-orphan-');
    try {
      const path = join(temp.dir, 'orphan.sqlite');
      const db = new Database(path);
      db.exec('CREATE TABLE partners (id TEXT PRIMARY KEY, name TEXT); CREATE INDEX by_name ON partners (name);');
      db.unsafeMode(true);
      db.pragma('writable_schema = ON');
      db.prepare("DELETE FROM sqlite_schema WHERE type = 'table' AND name = 'partners'").run();
      db.close();
      const before = fixture.dump();
      const result = await fixture.callAsync('initiatives.importFile', {
        fileName: 'orphan.cground',
        contentBase64: readFileSync(path).toString('base64'),
        passphrase: 'fuzzing file passphrase',
      });
      expectPlainRefusal(result);
      expect(result.ok).toBe(false);
      expect(fixture.dump()).toEqual(before);
    } finally {
      temp.cleanup();
    }
  });
});

describe('whole-initiative file import of a database whose index disagrees with its table', () => {
  it("is refused in plain words, not in SQLite's (found by the fuzzing below at 200 runs)", async () => {
    // The index's definition is changed under its entries: integrity_check reports "row 1 missing from index".
    const temp = makeTempDir('common-ground-index-');
    try {
      const path = join(temp.dir, 'index.sqlite');
      const db = new Database(path);
      db.exec(
        "CREATE TABLE partners (id TEXT PRIMARY KEY, name TEXT, sector TEXT); CREATE INDEX by_name ON partners (name); INSERT INTO partners VALUES ('p1', 'Library', 'education'), ('p2', 'Clinic', 'health');",
      );
      db.unsafeMode(true);
      db.pragma('writable_schema = ON');
      db.prepare(
        "UPDATE sqlite_schema SET sql = 'CREATE INDEX by_name ON partners (sector)' WHERE name = 'by_name'",
      ).run();
      db.close();
      const before = fixture.dump();
      const result = await fixture.callAsync('initiatives.importFile', {
        fileName: 'index.cground',
        contentBase64: readFileSync(path).toString('base64'),
        passphrase: 'fuzzing file passphrase',
      });
      expectPlainRefusal(result);
      expect(result.ok ? 'ok' : result.error.code).toBe('db_damaged');
      // SQLite's account of the damage (here about an index we named; in the fuzz, sqlite_autoindex_…) stays out.
      expect(result.ok ? '' : result.error.message).not.toMatch(/missing from index|by_name|\*\*\*/);
      expect(fixture.dump()).toEqual(before);
    } finally {
      temp.cleanup();
    }
  });
});

describe('whole-initiative file import of a damaged file', () => {
  it(
    'is refused in plain words with no file left behind, or imported whole',
    async () => {
      const passphrase = 'fuzzing file passphrase';
      const exported = await fixture.callAsync('initiatives.exportFile', { initiativeId: sourceId, passphrase });
      if (!exported.ok) throw new Error(JSON.stringify(exported.error));
      const sealed = Buffer.from((exported.value as { contentBase64: string }).contentBase64, 'base64');
      // Damage to the SQLite bytes themselves (a plain file, as a backup copied by hand), and, less
      // often since each attempt derives a key, to the sealed file.
      const plain = await openSealedFile(sealed, passphrase);
      const damaged = fc.oneof({ weight: 5, arbitrary: corrupted(plain) }, { weight: 1, arbitrary: corrupted(sealed) });
      // Another device, so an undamaged file is new there and would be accepted.
      const device = openContractFixture();
      try {
        await fc.assert(
          fc.asyncProperty(damaged, async (content) => {
            const before = device.dump();
            const result = await device.callAsync('initiatives.importFile', {
              fileName: 'initiative.cground',
              contentBase64: content.toString('base64'),
              passphrase,
            });
            expectPlainRefusal(result);
            if (!result.ok) return void expect(device.dump()).toEqual(before);
            // Accepted (the damage missed everything SQLite checks): the whole initiative is there.
            const partners = device.ok('partners.list', { initiativeId: (result.value as { id: string }).id });
            expect(partners.length).toBe(4);
            device.ok('initiatives.list', {});
          }),
          { numRuns: Math.ceil(runs / 3) },
        );
      } finally {
        device.close();
      }
    },
    60_000 + runs * 2_000,
  );
});

const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="0190a0b1-0000-7000-8000-00000000c0de" name="&lol3;" isCodable="true"/></Codes></CodeBook>`;

/** A real workbook whose sheet XML is then edited: the zip stays sound, the content lies. */
function editedWorkbook(
  edit: (sheetXml: string) => string,
  editBook: (workbookXml: string) => string = (xml) => xml,
): Buffer {
  const book = writeWorkbook([
    {
      name: 'Elements',
      rows: [
        ['Label', 'Type'],
        ['Library', 'Organisation'],
      ],
    },
  ]);
  const files = [...readZip(book)].map(([name, read]) => ({
    name,
    data: name.includes('worksheets/')
      ? new TextEncoder().encode(edit(new TextDecoder().decode(read())))
      : name === 'xl/workbook.xml'
        ? new TextEncoder().encode(editBook(new TextDecoder().decode(read())))
        : read(),
  }));
  return Buffer.from(writeZip(files));
}

const handMade: [string, Channel, string, Buffer][] = [
  ['an empty CSV', 'partners.import.commit', 'csv', Buffer.alloc(0)],
  ['a CSV that is only a byte-order mark', 'partners.import.commit', 'csv', Buffer.from([0xef, 0xbb, 0xbf])],
  ['a CSV with an unclosed quote', 'partners.import.commit', 'csv', Buffer.from('Name,Sector\n"Open,health\nB,x\n')],
  ['a CSV of binary noise', 'partners.import.commit', 'csv', Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0, 10, 13])],
  ['a CSV labelled as a workbook', 'partners.import.commit', 'kumu-xlsx', Buffer.from('Name\nA\n')],
  ['a ZIP header and nothing else', 'partners.import.commit', 'kumu-xlsx', Buffer.from('PK\u0003\u0004')],
  // Filling rows up to this one crashed the whole process (V8 "invalid size error"), found at 200 runs.
  [
    'a workbook naming row 169,220,805',
    'partners.import.commit',
    'kumu-xlsx',
    editedWorkbook((xml) => xml.replace('<row r="2">', '<row r="169220805">')),
  ],
  [
    'a workbook naming column ZZZZZZ',
    'partners.import.commit',
    'kumu-xlsx',
    editedWorkbook((xml) => xml.replace('r="A2"', 'r="ZZZZZZ2"')),
  ],
  // ZIP bombs: a part packed a thousand times, and eight sheets all pointing at it (one budget per archive).
  [
    'a workbook whose sheet is 20 MB of blank space',
    'partners.import.commit',
    'kumu-xlsx',
    editedWorkbook((xml) => xml.replace('<sheetData>', `<sheetData>${' '.repeat(20 * 1024 * 1024)}`)),
  ],
  [
    'a workbook whose eight sheets all point at one part',
    'partners.import.commit',
    'kumu-xlsx',
    editedWorkbook(
      (xml) => xml.replace('<sheetData>', `<sheetData>${'<row/> 0123456789'.repeat(800_000)}`),
      (workbook) => workbook.replace(/<sheet [^>]*\/>/, (sheet) => sheet.repeat(8)),
    ),
  ],
  ['JSON cut mid-string', 'partners.import.commit', 'kumu-json', Buffer.from('{"elements":[{"label":"A')],
  ['JSON of the wrong shape', 'partners.import.commit', 'kumu-json', Buffer.from('[1,2,3]')],
  ['JSON nested a thousand deep', 'partners.import.commit', 'kumu-json', Buffer.from('['.repeat(1000))],
  ['a codebook that is not XML', 'themes.importQdc', 'qdc', Buffer.from('not xml at all')],
  ['a codebook with entity expansion', 'themes.importQdc', 'qdc', Buffer.from(laughs)],
  ['a codebook nested deeply', 'themes.importQdc', 'qdc', Buffer.from('<a>'.repeat(5_000))],
  ['an empty codebook', 'themes.importQdc', 'qdc', Buffer.alloc(0)],
];

describe('hand-made bad files', () => {
  it.each(handMade)('%s is refused in plain words and changes nothing', async (_label, channel, format, content) => {
    const before = fixture.dump();
    const input =
      channel === 'themes.importQdc'
        ? { initiativeId: targetId, fileName: 'x.qdc', contentBase64: content.toString('base64') }
        : { initiativeId: targetId, format, fileName: 'x', contentBase64: content.toString('base64') };
    const result = await fixture.callAsync(channel, input);
    expectPlainRefusal(result);
    expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(false);
    expect(fixture.dump()).toEqual(before);
  });
});
