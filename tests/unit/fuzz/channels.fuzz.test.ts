import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channelNames, channels, type Channel } from '../../../src-main/contract/channels';
import { seedAll, validInputFor, type SeededIds } from '../contract/core-cases';
import { roomOnAgain } from '../contract/room-cases';
import { expectWellFormedResult, openContractFixture, type ContractFixture } from '../contract/contract-fixture';
import { hostileValue, plainMessageProblem } from './hostile';

/*
 * Hostile input through the real dispatch, starting from each channel's valid input and breaking
 * one part of it: a field replaced by a hostile value (wrong type, huge or strange text, deep
 * nesting, an id that names nothing or names a row of another kind), a field dropped, a key added
 * at any depth. Every answer must be a Result; a refusal must be in plain words (no stack trace,
 * no SQL) and must leave every initiative file exactly as it was. A value accepted must match the
 * channel's output schema. The generic shapes (any JSON, any JS value) are covered by
 * tests/unit/contract/fuzz.property.test.ts; this suite goes deeper into each schema and handler.
 */

/** Kept small for npm test; `npm run test:soak` sets FUZZ_RUNS for a long run. */
const runs = Number(process.env.FUZZ_RUNS ?? 10);

let fixture: ContractFixture;
let seeded: SeededIds;

beforeAll(async () => {
  fixture = openContractFixture();
  seeded = await seedAll(fixture);
}, 60_000);

afterAll(() => fixture.close());
// Every channel shares one fixture; room.stop's own test leaves room mode off for the ones after.
beforeEach(() => roomOnAgain(fixture, seeded.room));

type Path = (string | number)[];

/** Every place in a value where a field can be replaced, dropped or added (objects and arrays). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | null {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  return node !== null && typeof node === 'object' ? node : null;
}

type Mutation =
  | { kind: 'replace'; pathIndex: number; value: unknown }
  | { kind: 'drop'; pathIndex: number }
  | { kind: 'add'; pathIndex: number; key: string; value: unknown };

function allIds(): string[] {
  const ids = new Set<string>();
  for (const group of Object.values(seeded)) {
    for (const value of Object.values(group as Record<string, unknown>)) {
      if (typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value)) ids.add(value);
    }
  }
  return [...ids];
}

function mutation(): fc.Arbitrary<Mutation> {
  const value = hostileValue(allIds());
  const key = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'tombstone', 'hlc', 'initiativeId', ''),
    fc.string({ unit: 'binary', maxLength: 30 }),
  );
  const pathIndex = fc.nat({ max: 10_000 });
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), pathIndex, value }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), pathIndex }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), pathIndex, key, value }) },
  );
}

function applyMutation(valid: Record<string, unknown>, change: Mutation): unknown {
  const root: { input: unknown } = { input: clone(valid) };
  const paths = pathsOf(root.input).map((path) => ['input', ...path]);
  const path = paths[change.pathIndex % paths.length];
  const parent = parentOf(root, path);
  const last = path[path.length - 1];
  if (!parent) return root.input;
  if (change.kind === 'replace') parent[last] = change.value;
  else if (change.kind === 'drop') {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      // defineProperty, so "__proto__" becomes an own key as it would from JSON.parse.
      Object.defineProperty(target, change.key, { value: change.value, enumerable: true, writable: true });
    } else parent[last] = { [change.key]: change.value };
  }
  return root.input;
}

async function checkCall(channel: Channel, input: unknown): Promise<void> {
  const before = fixture.dump();
  const result: unknown = await fixture.callAsync(channel, input);
  expectWellFormedResult(result);
  if (result.ok) {
    expect(() => channels[channel].output.parse(result.value)).not.toThrow();
    return;
  }
  expect(result.error.code, result.error.message).not.toBe('internal');
  expect(plainMessageProblem(result.error.message), result.error.message.slice(0, 300)).toBeNull();
  for (const issue of result.error.issues ?? []) expect(plainMessageProblem(issue.message)).toBeNull();
  expect(fixture.dump()).toEqual(before);
}

describe.each(channelNames)('%s with one part of a valid input made hostile', (channel) => {
  it(
    'answers a Result; refusals are plain and change nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutation(), async (change) => {
          // The valid input is rebuilt each run: an earlier accepted write may have deleted its rows.
          await checkCall(channel, applyMutation(validInputFor(channel, seeded), change));
        }),
        { numRuns: runs },
      );
    },
    30_000 + runs * 1_000,
  );
});

describe('ids that name nothing', () => {
  it.each(channelNames)('%s: every id field replaced by a fresh id is refused or harmless', async (channel) => {
    const valid = validInputFor(channel, seeded);
    const idPaths = pathsOf(valid).filter((path) => {
      const parent = parentOf({ input: valid }, ['input', ...path]);
      const value = parent?.[path[path.length - 1]];
      return path.length > 0 && typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value);
    });
    for (const path of idPaths) {
      const input = clone(valid);
      const parent = parentOf({ input }, ['input', ...path]);
      if (parent) parent[path[path.length - 1]] = randomUUID();
      await checkCall(channel, input);
    }
  });
});
