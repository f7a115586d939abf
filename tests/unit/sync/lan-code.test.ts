import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/result';
import {
  alphabet,
  codeChars,
  decodeLanCode,
  encodeLanCode,
  hubKeyBytes,
  normaliseCode,
  type LanHubAddress,
} from '../../../src-main/sync/lan-code';

const anAddress = fc.record({
  address: fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((octets) => octets.join('.')),
  port: fc.integer({ min: 1, max: 65_535 }),
  hubKey: fc
    .uint8Array({ minLength: hubKeyBytes, maxLength: hubKeyBytes })
    .map((bytes) => Buffer.from(bytes).toString('hex')),
});

function refusal(typed: string): string {
  try {
    decodeLanCode(typed);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_input');
    return (error as AppError).message;
  }
  throw new Error(`"${typed}" was accepted`);
}

const example: LanHubAddress = { address: '192.168.1.23', port: 47_812, hubKey: '9f3c0a71be42d805' };

describe('the roundtable code', () => {
  it('is six groups of four characters from the Crockford alphabet', () => {
    const code = encodeLanCode(example);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
    expect(normaliseCode(code)).toHaveLength(codeChars);
  });

  it('decodes to the address, port and hub key it was made from, for any of them', () => {
    fc.assert(
      fc.property(anAddress, (hub) => {
        expect(decodeLanCode(encodeLanCode(hub))).toEqual(hub);
      }),
      { numRuns: 500 },
    );
  });

  it('reads as typed by a person: lower case, spaces instead of dashes, I and L for 1, O for 0', () => {
    fc.assert(
      fc.property(anAddress, fc.boolean(), (hub, spaced) => {
        const code = encodeLanCode(hub);
        const sloppy = code
          .toLowerCase()
          .replace(/-/g, spaced ? ' ' : '')
          .replace(/1/g, 'l')
          .replace(/0/g, 'o');
        expect(decodeLanCode(` ${sloppy} `)).toEqual(hub);
      }),
      { numRuns: 200 },
    );
  });

  it('catches every single mistyped character', () => {
    fc.assert(
      fc.property(anAddress, fc.nat(codeChars - 1), fc.integer({ min: 1, max: 31 }), (hub, at, shift) => {
        const chars = normaliseCode(encodeLanCode(hub)).split('');
        chars[at] = alphabet[(alphabet.indexOf(chars[at]) + shift) % 32];
        expect(refusal(chars.join(''))).toContain('has a typo');
      }),
      { numRuns: 1000 },
    );
  });

  it('catches two neighbours swapped, unless they are 0 and Z (Luhn mod 32 cannot tell those apart)', () => {
    let caught = 0;
    fc.assert(
      fc.property(anAddress, fc.nat(codeChars - 2), (hub, at) => {
        const chars = normaliseCode(encodeLanCode(hub)).split('');
        const pair = [chars[at], chars[at + 1]].sort().join('');
        fc.pre(chars[at] !== chars[at + 1] && pair !== '0Z');
        [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
        refusal(chars.join(''));
        caught++;
      }),
      { numRuns: 1000 },
    );
    expect(caught).toBeGreaterThan(500);
  });

  it('says plainly what is wrong with a code that is short, long, empty or has a stray letter', () => {
    const chars = normaliseCode(encodeLanCode(example));
    expect(refusal(chars.slice(0, -1))).toContain('has 23 characters; a roundtable code has 24');
    expect(refusal(`${chars}7`)).toContain('has 25 characters');
    expect(refusal('  -- ')).toContain('Type the code');
    expect(refusal(`U${chars.slice(1)}`)).toContain('"U" cannot be in a roundtable code');
    expect(refusal(`${chars.slice(0, 5)}#${chars.slice(6)}`)).toContain('"#" cannot be');
  });

  it('refuses what it cannot make: a bad address, port or key', () => {
    expect(() => encodeLanCode({ ...example, address: '192.168.1' })).toThrow();
    expect(() => encodeLanCode({ ...example, address: '192.168.1.256' })).toThrow();
    expect(() => encodeLanCode({ ...example, port: 0 })).toThrow();
    expect(() => encodeLanCode({ ...example, hubKey: 'abcd' })).toThrow();
    expect(() => encodeLanCode({ ...example, hubKey: 'zz'.repeat(hubKeyBytes) })).toThrow();
  });
});
