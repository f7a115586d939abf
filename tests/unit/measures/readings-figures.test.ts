import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GroupCount, maxGroupCount } from '../../../src-main/contract/measures';
import { isGroupCount, parseFigure } from '../../../src-main/features/measures/readings-csv';

describe('figures in a readings file', () => {
  it('are read as spreadsheets write them, and refused when a comma could mean either', () => {
    const read: [string, number | null][] = [
      ['12', 12],
      ['-3.5', -3.5],
      ['007', 7],
      ['1000000000000', 1e12],
      ['1000000000001', null],
      [' 12 ', 12],
      ["'12", null],
      ["'-3", -3],
      ['1 234.5', 1234.5],
      ['1\u00a0234', 1234],
      ['1,234.5', 1234.5],
      ['12,5', 12.5],
      ['1,204', null],
      ['12.', null],
      ['.5', null],
      ['1e3', null],
      ['+4', null],
      ['58%', null],
      ['=1+1', null],
      ['', null],
      ['٣', null],
    ];
    for (const [cell, figure] of read) expect([cell, parseFigure(cell)]).toEqual([cell, figure]);
  });

  it('count people as the store does: the hand check gives the schema verdict at every bound', () => {
    const bounds = [0, -0, 1, -1, 12.5, maxGroupCount, maxGroupCount + 1, 2 ** 53, NaN, Infinity, -Infinity];
    for (const count of bounds)
      expect([count, isGroupCount(count)]).toEqual([count, GroupCount.safeParse(count).success]);
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -10, max: 2e9 }), fc.double({ min: -1e12, max: 1e12 })), (count) => {
        expect(isGroupCount(count)).toBe(GroupCount.safeParse(count).success);
      }),
    );
  });
});
