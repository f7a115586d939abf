import { afterAll, beforeAll, expect, it } from 'vitest';
import { importRequest, largeCsv } from '../../fixtures/exchange/build';
import { openExchangeFixture, type ExchangeFixture } from './exchange-fixture';

let fixture: ExchangeFixture;
beforeAll(() => {
  fixture = openExchangeFixture();
});
afterAll(() => fixture.close());

// Timing is for the benchmark (tests/bench/import.bench.ts); this checks the 10,000 rows arrive whole.
it('imports a 10,000-row CSV with every row intact', () => {
  const request = importRequest(fixture.initiativeId, 'csv', largeCsv(10_000));
  const preview = fixture.preview(request);
  expect(preview).toMatchObject({ partners: 10_000, errors: [] });
  expect(preview.sample).toHaveLength(20);
  expect(fixture.ok('partners.import.commit', request)).toEqual({
    partnersAdded: 10_000,
    partnersUpdated: 0,
    relationshipsAdded: 0,
  });
  const partners = fixture.partners();
  expect(partners).toHaveLength(10_000);
  const last = partners.find((partner) => partner.name === 'Partner 9999, Inc.');
  expect(last).toMatchObject({
    sector: 'Youth sports',
    livedExperience: true,
    influence: 5,
    interest: 2,
    tags: ['north', 'tag 3'],
    email: 'p9999@example.org',
    notes: 'Met at "roundtable" 9999',
  });
});

it('reports errors deep in a large file by line, capped so the preview stays small', () => {
  const lines = largeCsv(10_000)
    .split('\r\n')
    .map((line, index) => (index > 0 && index % 20 === 0 ? line.replace(/,no,|,yes,/, ',perhaps,') : line));
  const preview = fixture.preview(importRequest(fixture.initiativeId, 'csv', lines.join('\r\n')));
  expect(preview.errors).toHaveLength(201);
  expect(preview.errors[0].where).toBe('line 21');
  expect(preview.errors[200].message).toBe('…and 300 more problems.');
});
