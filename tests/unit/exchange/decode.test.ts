import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../../src-main/features/exchange/decode';
import { importRequest } from '../../fixtures/exchange/build';
import { openExchangeFixture, type ExchangeFixture } from './exchange-fixture';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

describe('decodeText', () => {
  it('strips a UTF-8 BOM and reads UTF-8', () => {
    const decoded = decodeText(Buffer.from('\ufeffName\nZoë', 'utf8'));
    expect(decoded).toMatchObject({ text: 'Name\nZoë', encoding: 'utf-8', errors: [], warnings: [] });
  });

  it('falls back to Windows-1252 for Excel files saved on Windows', () => {
    const decoded = decodeText(bytes('Name\nJos', [0xe9], ' Pe', [0xf1], 'a ', [0x80], '5'));
    expect(decoded.text).toBe('Name\nJosé Peña €5');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.errors).toEqual([]);
  });

  it('reads a file whose lines are in different encodings, and says which lines', () => {
    const decoded = decodeText(Buffer.concat([Buffer.from('Name\nZoë\n', 'utf8'), bytes('Pe', [0xf1], 'a\n')]));
    expect(decoded.text).toBe('Name\nZoë\nPeña\n');
    expect(decoded.warnings.join(' ')).toMatch(/line 3 read as Windows-1252/);
    expect(decoded.errors).toEqual([]);
  });

  it('refuses a line that mixes both encodings, and bytes that are text in neither', () => {
    const mixed = decodeText(Buffer.concat([Buffer.from('Name\nok\nZoë ', 'utf8'), bytes('Pe', [0xf1], 'a')]));
    expect(mixed.errors).toEqual([{ where: 'line 3', message: expect.stringMatching(/mixes two text encodings/) }]);
    const undefinedByte = decodeText(bytes('Name\nA', [0x81], 'B'));
    expect(undefinedByte.errors).toEqual([{ where: 'line 2', message: expect.stringMatching(/not text/) }]);
  });

  it('refuses binary data and reads UTF-16 with a BOM', () => {
    expect(decodeText(bytes('PK', [3, 4, 0, 0, 0xff])).errors[0].where).toBe('file');
    expect(decodeText(Buffer.from('Name\u0000', 'utf8')).errors[0].where).toBe('file');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name\nÅsa', 'utf16le')]);
    expect(decodeText(utf16)).toMatchObject({ text: 'Name\nÅsa', encoding: 'utf-16le' });
  });
});

describe('encodings through the preview channel', () => {
  let fixture: ExchangeFixture;
  beforeAll(() => {
    fixture = openExchangeFixture();
  });
  afterAll(() => fixture.close());

  it('a BOM does not hide the first header', () => {
    const preview = fixture.preview(importRequest(fixture.initiativeId, 'csv', '\ufeffName,Sector\nAcme,health\n'));
    expect(preview.columns[0]).toEqual({ header: 'Name', field: 'name' });
    expect(preview.errors).toEqual([]);
  });

  it('Windows-1252 names arrive with their accents and a note on the encoding', () => {
    const preview = fixture.preview(
      importRequest(fixture.initiativeId, 'csv', bytes('Name\nJos', [0xe9], ' Pe', [0xf1], 'a\n')),
    );
    expect(preview.sample[0].name).toBe('José Peña');
    expect(preview.warnings).toContain('The file was read as Windows-1252.');
  });

  it('undecodable bytes are a row error and the commit refuses', () => {
    const request = importRequest(fixture.initiativeId, 'csv', bytes('Name\nGood\nA', [0x8d], 'B\n'));
    expect(fixture.preview(request).errors).toEqual([{ where: 'line 3', message: expect.any(String) }]);
    const result = fixture.call('partners.import.commit', request);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fixture.partners()).toEqual([]);
  });
});
