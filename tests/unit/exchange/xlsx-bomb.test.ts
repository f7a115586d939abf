import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readZip,
  workbookLimits,
  writeZip,
  ZipError,
  type UnpackBudget,
} from '../../../src-main/features/exchange/zip';
import { openExchangeFixture, type ExchangeFixture } from './exchange-fixture';

/*
 * ZIP bombs built here, small in memory and on the wire: the defence is a budget per archive
 * (Apache POI's rules), shared by every read, and inflating stops as soon as a limit is passed.
 */

const encode = (text: string) => new TextEncoder().encode(text);
const MiB = 1024 * 1024;

/** A workbook whose sheets (as many as asked) all point at one worksheet part. */
function workbookWithSheets(sheetCount: number, sheetXml: Uint8Array): Buffer {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<sheet name="${i === 0 ? 'Elements' : `Copy ${i}`}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  ).join('');
  const rels = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`,
  ).join('');
  return Buffer.from(
    writeZip([
      {
        name: 'xl/workbook.xml',
        data: encode(
          `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`,
        ),
      },
      { name: 'xl/_rels/workbook.xml.rels', data: encode(`<Relationships>${rels}</Relationships>`) },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
    ]),
  );
}

/** A sound Elements sheet with `padding` bytes of blank space inside: XML packs that 1,000 times. */
function paddedSheet(padding: number): Uint8Array {
  const head = encode(
    '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Label</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Library</t></is></c></row>',
  );
  const tail = encode('</sheetData></worksheet>');
  const sheet = new Uint8Array(head.length + padding + tail.length).fill(0x20);
  sheet.set(head, 0);
  sheet.set(tail, head.length + padding);
  return sheet;
}

/** Blank space with a varying number every 300 bytes: packs about 50 times, so under the ratio. */
function speckledSheet(padding: number): Uint8Array {
  const sheet = paddedSheet(padding);
  let seed = 7;
  for (let i = 300; i < padding; i += 300) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    sheet.set(encode(String(seed)), i);
  }
  return sheet;
}

/** Rewrites the unpacked size an entry declares, in its local header and the central directory. */
function declareSize(zip: Buffer, entryName: string, size: number): Buffer {
  const copy = Buffer.from(zip);
  for (let i = 0; i < copy.length - 4; i++) {
    const signature = copy.readUInt32LE(i);
    if (signature === 0x04034b50 && copy.subarray(i + 30, i + 30 + entryName.length).toString() === entryName)
      copy.writeUInt32LE(size, i + 22);
    if (signature === 0x02014b50 && copy.subarray(i + 46, i + 46 + entryName.length).toString() === entryName)
      copy.writeUInt32LE(size, i + 24);
  }
  return copy;
}

let fixture: ExchangeFixture;
beforeAll(() => {
  fixture = openExchangeFixture();
});
afterAll(() => fixture.close());

const previewOf = (bytes: Buffer) =>
  fixture.preview({
    initiativeId: fixture.initiativeId,
    format: 'kumu-xlsx',
    fileName: 'bomb.xlsx',
    contentBase64: bytes.toString('base64'),
  });

describe('an XLSX bomb', () => {
  it('a sheet packed a thousand times tighter than a spreadsheet is refused in plain words', () => {
    const bomb = workbookWithSheets(1, paddedSheet(20 * MiB));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const preview = previewOf(bomb);
    expect(preview.partners).toBe(0);
    expect(preview.errors).toEqual([{ where: 'file', message: expect.stringMatching(/packed far more tightly/) }]);
  });

  it('eight sheets pointing at one part share the archive budget and are refused', () => {
    const bomb = workbookWithSheets(8, speckledSheet(14 * MiB));
    expect(bomb.length).toBeLessThan(MiB);
    const preview = previewOf(bomb);
    expect(preview.partners).toBe(0);
    expect(preview.errors).toEqual([{ where: 'file', message: expect.stringMatching(/unpacks to more than 100 MB/) }]);
  });

  it('every read counts against one budget, and none goes past it', () => {
    const budget: UnpackBudget = { limits: { ...workbookLimits, maxTotalBytes: 3 * MiB }, used: 0 };
    const read = readZip(workbookWithSheets(1, speckledSheet(MiB)), budget).get('xl/worksheets/sheet1.xml')!;
    read();
    read();
    expect(() => read()).toThrow(expect.objectContaining({ problem: 'too_large' }));
    expect(budget.used).toBeLessThanOrEqual(3 * MiB);
  });

  it('declared sizes past the total are refused before anything is unpacked', () => {
    const budget: UnpackBudget = { limits: { ...workbookLimits, maxTotalBytes: MiB }, used: 0 };
    const zip = declareSize(workbookWithSheets(1, speckledSheet(1000)), 'xl/worksheets/sheet1.xml', 2 * MiB);
    expect(() => readZip(zip, budget)).toThrow(expect.objectContaining({ problem: 'too_large' }));
    expect(budget.used).toBe(0);
  });

  it('an entry that unpacks past the size it declares is cut off there, not inflated whole', () => {
    const budget: UnpackBudget = { limits: workbookLimits, used: 0 };
    const zip = declareSize(workbookWithSheets(1, paddedSheet(50 * MiB)), 'xl/worksheets/sheet1.xml', 64 * 1024);
    const read = readZip(zip, budget).get('xl/worksheets/sheet1.xml')!;
    expect(() => read()).toThrow(ZipError);
    expect(budget.used).toBe(0);
    expect(previewOf(zip).errors).toEqual([{ where: 'file', message: expect.stringMatching(/not an XLSX workbook/) }]);
  });
});
