import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRequest } from '../../fixtures/exchange/build';
import { openExchangeFixture, type ExchangeFixture } from './exchange-fixture';

let fixture: ExchangeFixture;
beforeAll(() => {
  fixture = openExchangeFixture();
});
afterAll(() => fixture.close());

const preview = (csv: string, mapping?: Record<string, string>) =>
  fixture.preview(importRequest(fixture.initiativeId, 'csv', csv, mapping ? { mapping: mapping as never } : {}));

describe('CSV structure', () => {
  it('keeps quotes and newlines inside fields, and counts lines as an editor does', () => {
    const csv = [
      'Name,Notes,Influence',
      '"Acme, ""the"" Org","first line',
      'second line, with comma",3',
      '',
      'Bad Influence,,9',
    ].join('\r\n');
    const result = preview(csv);
    expect(result.partners).toBe(2);
    expect(result.sample[0].name).toBe('Acme, "the" Org');
    expect(result.errors).toEqual([{ where: 'line 5', message: expect.stringMatching(/Influence "9"/) }]);
    fixture.ok('partners.import.commit', importRequest(fixture.initiativeId, 'csv', csv.replace(',,9', ',,4')));
    const acme = fixture.partners().find((partner) => partner.name.startsWith('Acme'));
    expect(acme?.notes).toBe('first line\r\nsecond line, with comma');
    expect(acme?.influence).toBe(3);
  });

  it('reports an unclosed quote', () => {
    expect(preview('Name\n"Acme\nBeta\n').errors[0].message).toMatch(/never closed/);
  });

  it('refuses empty files, blank files, a missing header and a header with no rows', () => {
    expect(preview('').errors[0]).toEqual({ where: 'file', message: 'The file is empty.' });
    expect(preview(' \r\n\r\n').errors[0]).toEqual({ where: 'file', message: 'The file is empty.' });
    expect(preview('Acme,health,x@example.org\nBeta,faith,y@example.org\n').errors[0].message).toMatch(
      /looks like data/,
    );
    expect(preview('Name,Sector\n').errors[0].message).toMatch(/no partners/);
    expect(preview('Sector,Tags\nhealth,a\n').errors[0].message).toMatch(/No column gives the partner name/);
  });

  it('reads semicolon-separated files as European Excel saves them', () => {
    const result = preview('Name;Sector;Tags\nAcme;Health;a|b\n');
    expect(result.sample).toEqual([{ name: 'Acme', kind: 'organisation', sector: 'health', tags: ['a', 'b'] }]);
  });

  it('flags a row with more cells than the header', () => {
    expect(preview('Name,Sector\nAcme,health,extra\n').errors).toEqual([
      { where: 'line 2', message: expect.stringMatching(/3 cells/) },
    ]);
  });
});

describe('CSV column mapping', () => {
  it('guesses fields whatever the case, spacing or synonym', () => {
    const result = preview(
      'LABEL,  Lived  Experience ,E-mail,Type,Organisation,tags,Favourite colour\nAna,yes,a@x.org,Person,,x,blue\n',
    );
    expect(result.columns).toEqual([
      { header: 'LABEL', field: 'name' },
      { header: 'Lived  Experience', field: 'livedExperience' },
      { header: 'E-mail', field: 'email' },
      { header: 'Type', field: 'kind' },
      { header: 'Organisation', field: 'organisation' },
      { header: 'tags', field: 'tags' },
      { header: 'Favourite colour', field: 'ignore' },
    ]);
    expect(result.warnings.join(' ')).toMatch(/Favourite colour.*ignored/);
  });

  it('takes Organisation as the name when no other column gives it, and Type as the sector for sector words', () => {
    const result = preview('Organisation,Type\nEastside Health,Health\nSt Mark,Faith\n');
    expect(result.columns.map((column) => column.field)).toEqual(['name', 'sector']);
    expect(result.sample.map((row) => row.sector)).toEqual(['health', 'faith']);
  });

  it('uses the mapping in the request, and ignores a column mapped to ignore', () => {
    const csv = 'Who,Contact,Sector\nAna,ana@example.org,health\n';
    expect(preview(csv).errors[0].message).toMatch(/No column gives the partner name/);
    const mapped = preview(csv, { Who: 'name', Contact: 'email', Sector: 'ignore' });
    expect(mapped.errors).toEqual([]);
    expect(mapped.columns).toEqual([
      { header: 'Who', field: 'name' },
      { header: 'Contact', field: 'email' },
      { header: 'Sector', field: 'ignore' },
    ]);
    expect(mapped.sample[0].sector).toBe('other');
  });

  it('refuses a mapping to a field that does not exist, through the channel schema', () => {
    const result = fixture.call('partners.import.preview', {
      ...importRequest(fixture.initiativeId, 'csv', 'Name\nA\n'),
      mapping: { Name: 'password' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('CSV values', () => {
  it('splits tags on | and ;, reads yes/no words, numbers and stages', () => {
    const csv = [
      'Name,Tags,Lived experience,Influence,Interest,Stage,Type',
      'A,north| south ;east,x,1,5,Engaged,person',
      'B,,0,,,,organisation',
      'C,,TRUE,,,,person',
      'D,,no,,,,Organization',
    ].join('\n');
    const result = preview(csv);
    expect(result.errors).toEqual([]);
    expect(result.sample.map((row) => [row.name, row.kind, row.tags])).toEqual([
      ['A', 'person', ['north', 'south', 'east']],
      ['B', 'organisation', []],
      ['C', 'person', []],
      ['D', 'organisation', []],
    ]);
  });

  it('gives one error per bad cell with its line', () => {
    const csv = ['Name,Lived experience,Influence,Interest,Stage', ',yes,,,', 'B,maybe,2.5,abc,sleeping'].join('\n');
    const errors = preview(csv).errors;
    expect(errors.map((error) => error.where)).toEqual(['line 2', 'line 3', 'line 3', 'line 3', 'line 3']);
    expect(errors.map((error) => error.message).join(' ')).toMatch(/name is missing.*maybe.*2\.5.*abc.*sleeping/);
  });

  it('refuses duplicate IDs within the file', () => {
    const errors = preview('ID,Name\nk1,A\nk2,B\nK1,C\n').errors;
    expect(errors).toEqual([{ where: 'line 4', message: expect.stringMatching(/"K1" is used by an earlier row/) }]);
  });
});
