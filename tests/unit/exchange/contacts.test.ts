import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFormats } from '../../../src-main/contract/exchange';
import { readZip } from '../../../src-main/features/exchange/zip';
import { openExchangeFixture, type ExchangeFixture } from './exchange-fixture';

let fixture: ExchangeFixture;
const secrets = [
  'planted-mail-7f3a@example.org',
  'planted-phone-0098231',
  'second-mail-c41e@example.net',
  '+44 7700 900123',
];

beforeAll(() => {
  fixture = openExchangeFixture();
  const org = fixture.addPartner({ name: 'Clinic', email: secrets[0], phone: secrets[1] });
  const person = fixture.addPartner({
    name: 'Ana',
    kind: 'person',
    organisationId: org.id,
    email: secrets[2],
    phone: secrets[3],
  });
  fixture.relate(person.id, org.id, 'reports_to');
});
afterAll(() => fixture.close());

/** The text a reader of the file could find: XLSX parts are unzipped first. */
function readableText(format: (typeof exportFormats)[number], bytes: Buffer): string {
  if (format !== 'kumu-xlsx') return bytes.toString('utf8');
  return [...readZip(bytes).values()].map((read) => Buffer.from(read()).toString('utf8')).join('\n');
}

describe.each(exportFormats)('%s export', (format) => {
  it('leaves every email and phone out unless contact details are asked for', () => {
    const without = readableText(format, fixture.exportFile(format, false).bytes);
    for (const secret of secrets) expect(without).not.toContain(secret);
    expect(without.toLowerCase()).not.toMatch(/email|phone/);
    expect(without).toContain('Clinic');

    const withContacts = readableText(format, fixture.exportFile(format, true).bytes);
    for (const secret of secrets) expect(withContacts).toContain(secret);
  });

  it('leaves contacts out when the request does not mention them', () => {
    const file = fixture.ok('partners.export', { initiativeId: fixture.initiativeId, format });
    const text = readableText(format, Buffer.from(file.contentBase64, 'base64'));
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
