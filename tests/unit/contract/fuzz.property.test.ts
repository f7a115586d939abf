import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, isChannel, type Channel } from '../../../src-main/contract/channels';
import { knownSectors, locales, partnerKinds, phases } from '../../../src-main/contract/models';
import { expectWellFormedResult, openContractFixture, type ContractFixture } from './contract-fixture';

let fixture: ContractFixture;
let initiativeId: string;
let partnerId: string;

beforeAll(() => {
  fixture = openContractFixture();
  initiativeId = fixture.ok('initiatives.create', { name: 'Fuzzed initiative' }).id;
  partnerId = fixture.ok('partners.create', { initiativeId, partner: { name: 'Fuzzed partner' } }).id;
});

afterAll(() => fixture.close());

/** Long strings built by repetition: drawing 300k characters one by one would be far too slow. */
const hugeString = fc
  .tuple(fc.string({ minLength: 1, maxLength: 6, unit: 'binary' }), fc.integer({ min: 20_000, max: 300_000 }))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

const unicodeString = fc.string({ unit: 'binary', maxLength: 300 });

const anythingGoes = fc.anything({
  maxDepth: 5,
  maxKeys: 8,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withObjectString: true,
  withUnicodeString: true,
});

/** Objects nested hundreds of levels deep, under a key the schema knows and under one it does not. */
const deeplyNested = fc
  .tuple(fc.integer({ min: 50, max: 2_000 }), fc.constantFrom('patch', 'partner', 'initiativeId', 'name', 'zzz'))
  .map(([depth, key]) => {
    let value: unknown = 'bottom';
    for (let level = 0; level < depth; level++) value = level % 2 === 0 ? { [key]: value } : [value];
    return value;
  });

/** Payloads close to valid: the right field names with arbitrary values, so parsing goes deep. */
function nearValid(): fc.Arbitrary<unknown> {
  const id = fc.oneof(fc.constant(initiativeId), fc.constant(partnerId), fc.uuid(), unicodeString, fc.anything());
  const fieldValue = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom<unknown>(...phases, ...partnerKinds, ...knownSectors, ...locales, '', ' ', null),
    },
    { weight: 3, arbitrary: unicodeString },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
  const fields = fc.dictionary(
    fc.constantFrom(
      'name',
      'kind',
      'sector',
      'problemStatement',
      'vision',
      'populationGoal',
      'phase',
      'defaultLocale',
      'tombstone',
      'id',
    ),
    fieldValue,
    { maxKeys: 4 },
  );
  return fc.record(
    {
      initiativeId: id,
      partnerId: id,
      patch: fc.oneof(fields, fc.anything({ maxDepth: 2 })),
      partner: fields,
      name: fieldValue,
    },
    { requiredKeys: [] },
  );
}

/** Calls one channel and checks the envelope; when the call failed, nothing on disk may differ. */
function checkCall(channel: string, input: unknown): void {
  const before = fixture.dump();
  // A throw here fails the property with the thrown error, which is the "never throws" check.
  const result: unknown = fixture.call(channel, input);
  expectWellFormedResult(result);
  if (result.ok) {
    expect(isChannel(channel)).toBe(true);
    expect(() => channels[channel as Channel].output.parse(result.value)).not.toThrow();
    return;
  }
  expect(result.error.code).not.toBe('internal');
  if (isChannel(channel)) expect(result.error.code).not.toBe('unknown_channel');
  else expect(result.error.code).toBe('unknown_channel');
  expect(fixture.dump()).toEqual(before);
}

describe.each(channelNames)('%s under arbitrary input', (channel) => {
  it('answers every JSON value with a well-formed Result', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (input) => checkCall(channel, input)),
      { numRuns: 60 },
    );
  });

  it('answers arbitrary JavaScript values (maps, sets, dates, boxed values, null prototypes)', () => {
    fc.assert(
      fc.property(anythingGoes, (input) => checkCall(channel, input)),
      { numRuns: 60 },
    );
  });

  it('answers payloads with the right field names and arbitrary values', () => {
    fc.assert(
      fc.property(nearValid(), (input) => checkCall(channel, input)),
      { numRuns: 60 },
    );
  });

  it('answers deeply nested payloads', () => {
    fc.assert(
      fc.property(deeplyNested, (input) => checkCall(channel, input)),
      { numRuns: 5 },
    );
  });

  it('answers huge strings in every field', () => {
    const huge = fc.record(
      {
        initiativeId: fc.oneof(fc.constant(initiativeId), hugeString),
        partnerId: fc.oneof(fc.constant(partnerId), hugeString),
        patch: fc.record({ name: hugeString, problemStatement: hugeString }, { requiredKeys: [] }),
        partner: fc.record({ name: hugeString, sector: hugeString }, { requiredKeys: [] }),
        name: hugeString,
        vision: hugeString,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(hugeString, huge), (input) => checkCall(channel, input)),
      { numRuns: 6 },
    );
  });
});

describe('channel names', () => {
  it('any name that is not a channel is unknown_channel, whatever the payload', () => {
    const name = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.constantFrom('__proto__', 'constructor', 'valueOf'),
      hugeString,
    );
    fc.assert(
      fc.property(name, fc.jsonValue({ maxDepth: 3 }), (channel, input) => {
        fc.pre(!isChannel(channel));
        checkCall(channel, input);
      }),
      { numRuns: 100 },
    );
  });
});

describe('valid writes with arbitrary text', () => {
  it('a partner created with any acceptable name reads back with that name, trimmed', () => {
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((text) => text.trim().length > 0);
    fc.assert(
      fc.property(name, fc.constantFrom(...partnerKinds), (partnerName, kind) => {
        const created = fixture.ok('partners.create', { initiativeId, partner: { name: partnerName, kind } });
        expect(created).toMatchObject({ name: partnerName.trim(), kind });
        const listed = fixture.ok('partners.list', { initiativeId }).find((partner) => partner.id === created.id);
        expect(listed).toEqual(created);
      }),
      { numRuns: 40 },
    );
  });
});
