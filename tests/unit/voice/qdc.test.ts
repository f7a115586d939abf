import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/result';
import { buildQdc, parseQdc, type CodebookTheme } from '../../../src-main/features/voice/qdc';

/**
 * REFI-QDA codebook exchange: our own files come back unchanged, files shaped like QualCoder's and
 * ATLAS.ti's exports come in flattened, and anything that is not a codebook is refused.
 */
const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function refusal(xml: string): AppError {
  try {
    parseQdc(xml);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('parseQdc accepted a file it should refuse');
}

/** A minimal codebook around the given <Code> elements. */
const codebook = (codes: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Test"><Codes>${codes}</Codes></CodeBook>`;

/** A theme at the top level, codable, whose guid is its id (as the app's own themes are). */
const plain = (theme: Pick<CodebookTheme, 'id' | 'name' | 'colour' | 'description'>): CodebookTheme => ({
  ...theme,
  guid: theme.id,
  parentId: null,
  codable: true,
});

const themes: CodebookTheme[] = [
  plain({
    id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    name: `Childcare <after 5pm> & "late" shifts 'n' such`,
    colour: '#1f6f5c',
    description: 'Parents say: "the centre closes at 5 & the bus is late".\nSecond line, <b>not bold</b>.',
  }),
  plain({
    id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
    name: 'שירותי בריאות (מרפאה)',
    colour: '#8a5a00',
    description: '',
  }),
  plain({
    id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d',
    name: 'النقل العام — bus 42 🚌',
    colour: '#abcdef',
    description: 'مرحبا\u200f mixed RTL text, émigré, 日本語, 👩🏽‍🌾 and a ]]> sequence',
  }),
];

// Shaped like QualCoder's RefiExport.codebook_exchange_xml: a UTF-8 BOM, codes without a category
// first, categories as isCodable="false" without a colour, names escaped by Python's html.escape
// (which writes ' as &#x27;), lower-case uuid4 guids, upper-case colours.
const qualCoderExport =
  '\ufeff<?xml version="1.0" encoding="utf-8"?>\n' +
  '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" xsi:schemaLocation="urn:QDA-XML:codebook:1.0 Codebook.xsd" ' +
  'origin="QualCoder" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Codes>\n' +
  '<Code guid="5c0e7a3e-64b2-4d1d-9a51-0f2b8c1e6d11" name="Trust" isCodable="true" color="#F5A9A9" />\n' +
  '<Code guid="2b7f5d0a-1c3e-4f9a-8b6d-7e2a9c4f1b22" name="Barriers" isCodable="false">\n' +
  '<Description>Things that stop people taking part</Description>\n' +
  '<Code guid="8d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f33" name="Transport" isCodable="true" color="#81BEF7">\n' +
  '<Description>Buses &amp; lifts; &quot;no car&quot;</Description>\n' +
  '<Code guid="9e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a44" name="Bus routes" isCodable="true" color="#3498DB" />\n' +
  '</Code>\n' +
  '<Code guid="af3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b55" name="Parents&#x27; time" isCodable="false">\n' +
  '<Code guid="b04b5c6d-7e8f-4a9b-8c1d-2e3f4a5b6c66" name="Shift work" isCodable="true" color="#F7D358" />\n' +
  '</Code>\n' +
  '</Code>\n' +
  '</Codes>\n' +
  '</CodeBook>\n';

// Shaped like an ATLAS.ti export: upper-case guids, the namespace declared last, code groups as Sets.
const atlasExport = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:codebook:0:4 Codebook.xsd" origin="ATLAS.ti Win 23.4.0" xmlns="urn:QDA-XML:codebook:1.0">
  <Codes>
    <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Housing" color="#46AA00" isCodable="true">
      <Description>Rent, repairs &amp; overcrowding</Description>
      <Code guid="{2AA58B12-6F6F-4B0C-8BE5-BBDC91F55295}" name="Repairs" color="#46aa00" isCodable="true" />
    </Code>
  </Codes>
  <Sets>
    <Set name="Living conditions" guid="ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0">
      <MemberCode guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" />
    </Set>
  </Sets>
</CodeBook>`;

describe('buildQdc', () => {
  it('writes a codebook the REFI-QDA schema describes', () => {
    const xml = buildQdc(themes);
    const [declaration, root] = xml.split('\n');
    expect(declaration).toBe('<?xml version="1.0" encoding="utf-8"?>');
    expect(root).toMatch(/^<CodeBook xmlns="urn:QDA-XML:codebook:1\.0" /);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('origin="Common Ground"');
    expect(xml).toContain(
      '<Code guid="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c" name="שירותי בריאות (מרפאה)" isCodable="true" color="#8A5A00"/>',
    );
    expect(xml).toContain('color="#1F6F5C"');
    // An empty description writes no element at all, as QualCoder does.
    expect(xml.match(/<Description>/g)).toHaveLength(2);
    expect(buildQdc([], 'Tenants & "Friends"')).toContain('origin="Tenants &amp; &quot;Friends&quot;"');
  });
});

describe('parseQdc', () => {
  it('gives back exactly the themes it was built from, markup characters and RTL text included', () => {
    expect(parseQdc(buildQdc(themes))).toEqual({ themes, warnings: [] });
  });

  it('keeps the hierarchy and the categories of a nested QualCoder codebook', () => {
    const { themes: parsed, warnings } = parseQdc(qualCoderExport);
    expect(warnings).toEqual([]);
    const barriers = '2b7f5d0a-1c3e-4f9a-8b6d-7e2a9c4f1b22';
    const transport = '8d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f33';
    const time = 'af3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b55';
    expect(parsed.map(({ id, name, colour, parentId, codable }) => ({ id, name, colour, parentId, codable }))).toEqual([
      { id: '5c0e7a3e-64b2-4d1d-9a51-0f2b8c1e6d11', name: 'Trust', colour: '#f5a9a9', parentId: null, codable: true },
      { id: barriers, name: 'Barriers', colour: '#8a5a00', parentId: null, codable: false },
      { id: transport, name: 'Transport', colour: '#81bef7', parentId: barriers, codable: true },
      {
        id: '9e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a44',
        name: 'Bus routes',
        colour: '#3498db',
        parentId: transport,
        codable: true,
      },
      { id: time, name: "Parents' time", colour: '#8a5a00', parentId: barriers, codable: false },
      {
        id: 'b04b5c6d-7e8f-4a9b-8c1d-2e3f4a5b6c66',
        name: 'Shift work',
        colour: '#f7d358',
        parentId: time,
        codable: true,
      },
    ]);
    expect(parsed[1].description).toBe('Things that stop people taking part');
    expect(parsed[2].description).toBe('Buses & lifts; "no car"');
    // And back out: the same tree, the same categories, the same guids.
    const again = parseQdc(buildQdc(parsed));
    expect(again).toEqual({ themes: parsed, warnings: [] });
  });

  it('reads an ATLAS.ti codebook: guids kept as written, braces and all, sets reported', () => {
    const { themes: parsed, warnings } = parseQdc(atlasExport);
    expect(parsed.map((theme) => [theme.id, theme.guid, theme.name, theme.colour])).toEqual([
      ['1ff58b12-6f6f-4b0c-8be5-bbdc91f55294', '1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294', 'Housing', '#46aa00'],
      ['2aa58b12-6f6f-4b0c-8be5-bbdc91f55295', '{2AA58B12-6F6F-4B0C-8BE5-BBDC91F55295}', 'Repairs', '#46aa00'],
    ]);
    expect(parsed[1].parentId).toBe(parsed[0].id);
    expect(parsed[0].description).toBe('Rent, repairs & overcrowding');
    expect(warnings).toEqual([{ code: 'sets_skipped', name: '' }]);
    expect(buildQdc(parsed)).toContain('guid="{2AA58B12-6F6F-4B0C-8BE5-BBDC91F55295}"');
  });

  it('gives a valid guid that is not an RFC 4122 UUID an id of our own and keeps the guid for export', () => {
    const guid = '12345678-1234-1234-1234-123456789ABC';
    const { themes: parsed, warnings } = parseQdc(codebook(`<Code guid="${guid}" name="Old tool" isCodable="true"/>`));
    expect(warnings).toEqual([]);
    expect(parsed[0].id).toMatch(uuidV7);
    expect(parsed[0].guid).toBe(guid);
    expect(buildQdc(parsed)).toContain(`guid="${guid}"`);
  });

  it('keeps a repeated child name apart by its path, and says so', () => {
    const g = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    const { themes: parsed, warnings } = parseQdc(
      codebook(
        `<Code guid="${g(1)}" name="Housing" isCodable="false"><Code guid="${g(2)}" name="Other" isCodable="true"/></Code>` +
          `<Code guid="${g(3)}" name="Health" isCodable="false"><Code guid="${g(4)}" name="Other" isCodable="true"/></Code>`,
      ),
    );
    expect(parsed.map((theme) => theme.name)).toEqual(['Housing', 'Other', 'Health', 'Health › Other']);
    expect(warnings).toEqual([{ code: 'renamed', name: 'Health › Other' }]);
  });

  it('refuses a DOCTYPE with entities before expanding anything', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE CodeBook [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="5c0e7a3e-64b2-4d1d-9a51-0f2b8c1e6d11" name="&lol2;" isCodable="true"/></Codes></CodeBook>`;
    const error = refusal(laughs);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/DOCTYPE/);
    expect(refusal('<!doctype CodeBook><CodeBook><Codes/></CodeBook>').code).toBe('invalid_input');
  });

  it('refuses what is not XML', () => {
    for (const text of ['', 'name,colour\nTrust,#F5A9A9', '{"codes": []}', '<CodeBook><Codes>', 'a & b']) {
      const error = refusal(text);
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/not readable XML/);
    }
  });

  it('refuses a file far larger than any codebook before reading it', () => {
    expect(refusal(' '.repeat(8 * 1024 * 1024 + 1)).code).toBe('too_large');
  });

  it('refuses XML that is not a codebook', () => {
    const project = refusal(
      '<Project xmlns="urn:QDA-XML:project:1.0" name="P"><CodeBook><Codes/></CodeBook></Project>',
    );
    expect(project.code).toBe('invalid_input');
    expect(project.message).toContain('<Project>');
    expect(refusal('<CodeBook origin="x"/>').message).toMatch(/no <Codes>/);
    expect(refusal('<CodeBook><Sets/></CodeBook>').message).toMatch(/no <Codes>/);
  });

  it('gives a code without a usable guid a fresh id and says so', () => {
    const { themes: parsed, warnings } = parseQdc(
      codebook('<Code name="No id" isCodable="true"/><Code name="Bad id" guid="not-a-guid" isCodable="true"/>'),
    );
    expect(parsed.map((theme) => theme.name)).toEqual(['No id', 'Bad id']);
    for (const theme of parsed) expect(theme.id).toMatch(uuidV7);
    expect(parsed[0].id).not.toBe(parsed[1].id);
    expect(warnings).toEqual([
      { code: 'new_id', name: 'No id' },
      { code: 'new_id', name: 'Bad id' },
    ]);
  });

  it('falls back to the default colour for a missing or unreadable one', () => {
    const guid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    const { themes: parsed, warnings } = parseQdc(
      codebook(
        `<Code guid="${guid(1)}" name="None" isCodable="true"/>` +
          `<Code guid="${guid(2)}" name="Word" color="red" isCodable="true"/>` +
          `<Code guid="${guid(3)}" name="Five digits" color="#12345" isCodable="true"/>` +
          `<Code guid="${guid(4)}" name="Short" color="#ABC" isCodable="true"/>`,
      ),
    );
    expect(parsed.map((theme) => theme.colour)).toEqual(['#8a5a00', '#8a5a00', '#8a5a00', '#aabbcc']);
    // A missing colour is normal (QualCoder categories have none); only a broken one is reported.
    expect(warnings).toEqual([
      { code: 'bad_colour', name: 'Word' },
      { code: 'bad_colour', name: 'Five digits' },
    ]);
  });

  it('trims names, skips empty ones, caps long ones and keeps the first of a repeated guid', () => {
    const id = '5c0e7a3e-64b2-4d1d-9a51-0f2b8c1e6d11';
    const long = 'x'.repeat(150);
    const { themes: parsed, warnings } = parseQdc(
      codebook(
        `<Code guid="${id}" name="  Trust \n" isCodable="true"><Description>${'d'.repeat(25_000)}</Description></Code>` +
          `<Code guid="${id.toUpperCase()}" name="Trust again" isCodable="true"/>` +
          `<Code guid="00000000-0000-4000-8000-000000000001" name="   " isCodable="true"/>` +
          `<Code guid="00000000-0000-4000-8000-000000000002" name="${long}" isCodable="true"/>`,
      ),
    );
    expect(parsed.map((theme) => theme.name)).toEqual(['Trust', 'x'.repeat(100)]);
    expect(parsed[0].description).toHaveLength(20_000);
    expect(warnings).toEqual([
      { code: 'duplicate_id', name: 'Trust again' },
      { code: 'no_name', name: '' },
      { code: 'shortened', name: 'x'.repeat(100) },
    ]);
  });

  it('refuses more than 5,000 codes, counting nested ones', () => {
    const codes = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `<Code guid="00000000-0000-4000-8000-${String(i).padStart(12, '0')}" name="c${i}" isCodable="true"/>`,
      ).join('');
    expect(parseQdc(codebook(codes(5_000))).themes).toHaveLength(5_000);
    const error = refusal(codebook(codes(5_001)));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/more than 5,000 codes/);
    const nested = codebook(
      `<Code guid="10000000-0000-4000-8000-000000000000" name="top" isCodable="false">${codes(5_000)}</Code>`,
    );
    expect(refusal(nested).code).toBe('invalid_input');
  });
});

describe('round trip, for any themes', () => {
  // What XML 1.0 can carry at all; the rest is dropped on export (see qdc.ts).
  const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
  const text = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
  const colour = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);
  const themeList = (name: fc.Arbitrary<string>, description: fc.Arbitrary<string>) =>
    fc
      .uniqueArray(fc.record({ id: fc.uuid().map((id) => id.toLowerCase()), name, colour, description }), {
        selector: (theme) => theme.id,
        maxLength: 8,
      })
      .map((list) => list.map(plain));

  it('returns the same themes for any text XML can carry', () => {
    // As the contract stores them: names trimmed and non-empty; attribute values cannot hold raw
    // line breaks or tabs (a conforming reader turns them into spaces), element text no CR.
    const name = text(40)
      .map((s) =>
        s
          .replace(notXml, '')
          .replace(/[\t\n\r]/g, ' ')
          .trim(),
      )
      .filter((s) => s.length > 0);
    const description = text(200).map((s) => s.replace(notXml, '').replace(/\r\n?/g, '\n'));
    fc.assert(
      fc.property(themeList(name, description), (list) => {
        expect(parseQdc(buildQdc(list))).toEqual({ themes: list, warnings: [] });
      }),
    );
  });

  it('exports any strings at all as a file it can read back, dropping only what XML cannot hold', () => {
    fc.assert(
      fc.property(themeList(text(40), text(200)), fc.string(), (list, origin) => {
        const xml = buildQdc(list, origin);
        expect(XMLValidator.validate(xml)).toBe(true);
        // fast-xml-parser tolerates control characters; QualCoder's ElementTree would not.
        expect(xml).not.toMatch(notXml);
        const { themes: parsed } = parseQdc(xml);
        const expected = list
          .map((theme) => ({
            ...theme,
            name: theme.name
              .replace(notXml, '')
              .replace(/[\t\n\r]/g, ' ')
              .trim(),
            description: theme.description.replace(notXml, '').replace(/\r\n?/g, '\n'),
          }))
          .filter((theme) => theme.name.length > 0);
        expect(parsed).toEqual(expected);
      }),
    );
  });
});
