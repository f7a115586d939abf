import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../fixtures/temp-dir';
import { openExchangeFixture, type ExchangeFixture } from './exchange-fixture';

/** GraphML and GEXF exports checked by xmllint against the formats' schema rules (tests/fixtures/schemas). */

const schemas = join(__dirname, '..', '..', 'fixtures', 'schemas');
let fixture: ExchangeFixture;
let temp: ReturnType<typeof makeTempDir>;

beforeAll(() => {
  fixture = openExchangeFixture('Schema & <checks> "initiative"');
  temp = makeTempDir('common-ground-schemas-');
  const library = fixture.addPartner({
    name: 'Eastside Library <main> & "annex"',
    sector: 'education',
    livedExperience: true,
    influence: 4,
    tags: ['youth', 'reading club'],
    notes: 'Line one\nline two\ttabbed',
  });
  const ana = fixture.addPartner({ name: 'Ana Ruiz', kind: 'person', sector: 'community', organisationId: library.id });
  const clinic = fixture.addPartner({ name: 'Clínica del Este', sector: 'Mobile health vans', email: 'c@example.org' });
  fixture.relate(library.id, clinic.id, 'funds', 3, 'Grant & <in-kind>');
  fixture.relate(ana.id, clinic.id, 'Volunteers at', 1);
  // A relationship with no direction and one that runs both ways: GEXF's edge type, GraphML's directed.
  for (const [from, to, direction] of [
    [ana.id, library.id, 'undirected'],
    [clinic.id, library.id, 'mutual'],
  ] as const) {
    const relationship = fixture.relate(from, to, 'partners_with');
    fixture.ok('relationships.update', {
      initiativeId: fixture.initiativeId,
      relationshipId: relationship.id,
      patch: { direction },
    });
  }
});
afterAll(() => {
  fixture.close();
  temp.cleanup();
});

function validate(schema: string, bytes: Buffer, name: string) {
  const path = join(temp.dir, name);
  writeFileSync(path, bytes);
  return spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(schemas, schema), path], { encoding: 'utf8' });
}

describe.each([false, true])('with contacts %s', (includeContacts) => {
  it('the GraphML export is valid GraphML 1.0 (attr.name a token, data keys declared, edges to nodes)', () => {
    const file = fixture.exportFile('graphml', includeContacts);
    const result = validate('graphml-1.0-rules.xsd', file.bytes, 'partners.graphml');
    expect(result.stderr).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('the GEXF export is valid GEXF 1.3', () => {
    const file = fixture.exportFile('gexf', includeContacts);
    const result = validate('gexf-1.3-rules.xsd', file.bytes, 'partners.gexf');
    expect(result.stderr).toContain('validates');
    expect(result.status).toBe(0);
  });
});

it('the schema rules catch what the review found: an attr.name with a space', () => {
  const bad = Buffer.from(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k" for="node" attr.name="lived experience" attr.type="boolean"/><graph edgedefault="directed"/></graphml>',
  );
  expect(validate('graphml-1.0-rules.xsd', bad, 'bad.graphml').status).not.toBe(0);
});
