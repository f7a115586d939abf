import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { maxImportBytes } from '../../../src-main/contract/exchange';
import { previewImport } from '../../../src-main/features/exchange/index';
import { importRequest, largeCsv, toBase64 } from '../../fixtures/exchange/build';
import { openExchangeFixture, type ExchangeFixture } from './exchange-fixture';

let fixture: ExchangeFixture;
beforeAll(() => {
  fixture = openExchangeFixture();
  const clinic = fixture.addPartner({ name: 'Clinic', sector: 'health', email: 'keep@example.org' });
  const ana = fixture.addPartner({ name: 'Ana', kind: 'person' });
  fixture.relate(ana.id, clinic.id, 'reports_to');
});
afterAll(() => fixture.close());

describe('an import is all or nothing', () => {
  it('one bad row among many good ones and an update: the commit refuses and the files are unchanged', () => {
    const csv = `${largeCsv(50)}\r\nClinic,business,,,,,,\r\nNo Influence,health,no,11,1,,,\r\n`;
    const request = importRequest(fixture.initiativeId, 'csv', csv);
    const preview = fixture.preview(request);
    expect(preview.partners).toBe(52);
    expect(preview.errors).toEqual([{ where: 'line 53', message: expect.stringMatching(/Influence "11"/) }]);
    const before = fixture.fullDump();
    const result = fixture.call('partners.import.commit', request);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/^Nothing was imported: the file has 1 problem \(first: line 53/),
      },
    });
    expect(fixture.fullDump()).toEqual(before);
  });

  it('a failure part-way through the writes rolls back the partners already written', () => {
    const json = JSON.stringify({
      elements: [{ label: 'New A' }, { label: 'New B' }, { label: 'Clinic', tags: ['updated'] }],
      connections: [{ from: 'New A', to: 'New B', type: 'funds' }],
    });
    const store = fixture.library.open(fixture.initiativeId);
    const write = store.writePath.write.bind(store.writePath);
    let calls = 0;
    const spy = vi.spyOn(store.writePath, 'write').mockImplementation((changes) => {
      calls++;
      if (changes.some((change) => change.table === 'relationships')) throw new Error('disk full');
      return write(changes);
    });
    const before = fixture.fullDump();
    try {
      const result = fixture.call('partners.import.commit', importRequest(fixture.initiativeId, 'kumu-json', json));
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBe(2);
    expect(fixture.fullDump()).toEqual(before);
    expect(
      fixture
        .partners()
        .map((partner) => partner.name)
        .sort(),
    ).toEqual(['Ana', 'Clinic']);
  });

  it('keeps fields the file has no column for', () => {
    const outcome = fixture.ok(
      'partners.import.commit',
      importRequest(fixture.initiativeId, 'csv', 'Name,Tags\nClinic,renewed\n'),
    );
    expect(outcome).toEqual({ partnersAdded: 0, partnersUpdated: 1, relationshipsAdded: 0 });
    expect(fixture.partners().find((partner) => partner.name === 'Clinic')).toMatchObject({
      email: 'keep@example.org',
      sector: 'health',
      tags: ['renewed'],
    });
  });
});

describe('the import channels validate their input', () => {
  const good = () => importRequest(fixture.initiativeId, 'csv', 'Name\nA\n');

  it.each([
    ['an unknown format', { format: 'xls' }],
    ['a missing initiative', { initiativeId: undefined }],
    ['an id that is no id', { initiativeId: 'not-an-id' }],
    ['an extra field', { dryRun: true }],
    ['content that is not text', { contentBase64: 42 }],
    ['a file name too long', { fileName: 'x'.repeat(300) }],
  ])('refuses %s', (_label, change) => {
    for (const channel of ['partners.import.preview', 'partners.import.commit']) {
      expect(fixture.call(channel, { ...good(), ...change })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
  });

  it('refuses an initiative that does not exist', () => {
    const result = fixture.call('partners.import.preview', {
      ...good(),
      initiativeId: '01900000-0000-7000-8000-000000000000',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('reports base64 that does not decode, and a file over the size limit', () => {
    expect(fixture.preview({ ...good(), contentBase64: 'a$b=' }).errors[0].message).toMatch(/did not arrive whole/);
    const store = fixture.library.open(fixture.initiativeId);
    const huge = previewImport(store, { ...good(), contentBase64: toBase64(Buffer.alloc(maxImportBytes + 1, 0x41)) });
    expect(huge.errors).toEqual([{ where: 'file', message: expect.stringMatching(/larger than 20 MB/) }]);
  });

  it('refuses export requests with an unknown format or extra fields', () => {
    expect(fixture.call('partners.export', { initiativeId: fixture.initiativeId, format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      fixture.call('partners.export', { initiativeId: fixture.initiativeId, format: 'csv', includeContacts: 'yes' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
