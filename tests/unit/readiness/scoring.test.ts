import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sheet } from '../../../src-main/contract/readiness';
import {
  groupView,
  itemResult,
  levelOutOfFive,
  roundResults,
  spreadOf,
  whereViewsDiffer,
} from '../../../src-main/features/readiness/scoring';
import { builtinInstruments } from '../../../src-main/store/readiness-builtins';

const item = '0190a000-0000-7000-8000-000000000001';
const section = '0190a000-0000-7000-8000-000000000002';
let counter = 0;

function sheet(level: number | null, importance: number | null, livedExperience = false): Sheet {
  counter += 1;
  return {
    id: `0190a000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    roundId: section,
    sector: livedExperience ? 'community' : 'health',
    livedExperience,
    answers: { [item]: { level, importance } },
    enteredAt: '2026-03-10T10:00:00',
  };
}

describe('the gap between importance and how well it is done', () => {
  it('puts levels on the importance scale: 1 is 1 and 4 is 5', () => {
    expect(levelOutOfFive(1)).toBe(1);
    expect(levelOutOfFive(4)).toBe(5);
    expect(levelOutOfFive(2.5)).toBe(3);
  });

  it('is importance minus how well it is done, both out of 5', () => {
    const result = itemResult(item, section, [sheet(1, 5), sheet(2, 4), sheet(2, 5)], null);
    expect(result.meanImportance).toBeCloseTo(14 / 3);
    expect(result.meanLevel).toBeCloseTo(5 / 3);
    expect(result.gap).toBeCloseTo(14 / 3 - levelOutOfFive(5 / 3));
    expect(result.spread).toEqual([1, 2, 0, 0]);
  });

  it('has no gap when nobody rated importance', () => {
    expect(itemResult(item, section, [sheet(3, null)], null).gap).toBeNull();
  });
});

describe('the small-group rule', () => {
  it('shows a group of three, never a group of two', () => {
    expect(groupView([1, 2])).toEqual({ shown: false });
    expect(groupView([1, 2, 3])).toEqual({ shown: true, raters: 3, meanLevel: 2 });
  });

  it('hides both groups when residents are too few, since the whole minus agencies would give them away', () => {
    const sheets = [sheet(1, 5, true), sheet(1, 5, true), sheet(4, 3), sheet(4, 3), sheet(4, 3)];
    const result = itemResult(item, section, sheets, null);
    expect(result.residents).toEqual({ shown: false });
    expect(result.agencies).toEqual({ shown: false });
    expect(result.difference).toBeNull();
    expect(whereViewsDiffer([result])).toEqual([]);
  });

  it('shows where residents and agencies differ once both have three raters', () => {
    const sheets = [1, 1, 2].map((level) => sheet(level, 5, true)).concat([3, 4, 4].map((level) => sheet(level, 4)));
    const result = itemResult(item, section, sheets, null);
    expect(result.residents).toEqual({ shown: true, raters: 3, meanLevel: 4 / 3 });
    expect(result.difference).toBeCloseTo(4 / 3 - 11 / 3);
    expect(whereViewsDiffer([result])).toEqual([result]);
  });

  it('never shows a group of fewer than three raters, whatever the sheets (property)', () => {
    const sheetArb = fc.record({
      level: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
      importance: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      lived: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(sheetArb, { maxLength: 12 }), (drawn) => {
        const sheets = drawn.map((one) => sheet(one.level, one.importance, one.lived));
        const result = itemResult(item, section, sheets, null);
        const rated = (lived: boolean) => drawn.filter((one) => one.lived === lived && one.level !== null).length;
        if (result.residents.shown) expect(result.residents.raters).toBe(rated(true));
        if (result.residents.shown || result.agencies.shown) {
          expect(rated(true)).toBeGreaterThanOrEqual(3);
          expect(rated(false)).toBeGreaterThanOrEqual(3);
        }
        // The spread counts every level given, and the mean sits within the scale.
        expect(result.spread.reduce((sum, count) => sum + count, 0)).toBe(result.raters);
        if (result.meanLevel !== null) expect(result.meanLevel).toBeGreaterThanOrEqual(1);
        if (result.meanLevel !== null) expect(result.meanLevel).toBeLessThanOrEqual(4);
        if (result.gap !== null) expect(Math.abs(result.gap)).toBeLessThanOrEqual(4);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the sheet counts of residents and agencies back together when one is under three', () => {
    const instrument = {
      ...builtinInstruments[1],
      builtinName: builtinInstruments[1].name,
      name: '',
      builtIn: true,
      sections: [],
    };
    const few = roundResults(section, instrument, [sheet(1, 1, true), sheet(2, 2), sheet(2, 2), sheet(3, 3)], null);
    expect([few.residentSheets, few.agencySheets]).toEqual([null, null]);
    const enough = roundResults(
      section,
      instrument,
      [true, true, true, false, false, false, false].map((lived) => sheet(2, 2, lived)),
      null,
    );
    expect([enough.residentSheets, enough.agencySheets]).toEqual([3, 4]);
  });
});

describe('change since the last round', () => {
  it('is this round’s mean level minus the last one’s', () => {
    const result = itemResult(item, section, [sheet(3, 4), sheet(4, 4)], [sheet(1, 5), sheet(2, 5)]);
    expect(result.change).toBeCloseTo(2);
  });

  it('is missing for a first round', () => {
    expect(itemResult(item, section, [sheet(3, 4)], null).change).toBeNull();
  });

  it('counts levels, not sheets: a sheet that skipped the item does not pull the mean', () => {
    expect(spreadOf([4, 4, 1])).toEqual([1, 0, 0, 2]);
    expect(itemResult(item, section, [sheet(4, 5), sheet(null, 5)], null).meanLevel).toBe(4);
  });
});
