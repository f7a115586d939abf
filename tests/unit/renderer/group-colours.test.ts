import { describe, expect, it } from 'vitest';
import { GroupDraft, GroupPatch } from '../../../src-main/contract/index';
import { groupPalette, nextGroupColour } from '../../../src-renderer/features/groups/colours';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('the group colour palette', () => {
  it('is made of colours the contract accepts, each named once', () => {
    for (const { colour } of groupPalette) expect(GroupPatch.parse({ colour })).toEqual({ colour });
    expect(new Set(groupPalette.map(({ colour }) => colour)).size).toBe(groupPalette.length);
    expect(new Set(groupPalette.map(({ nameKey }) => nameKey)).size).toBe(groupPalette.length);
  });

  it('starts with the colour a group gets when none is given', () => {
    expect(GroupDraft.parse({ kind: 'backbone', name: 'Backbone' }).colour).toBe(groupPalette[0].colour);
  });

  it('stands out at least 4.5:1 against white and the map background', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    for (const { colour } of groupPalette) {
      expect(contrast(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colour, '#fbfaf7'), colour).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('a new group colour', () => {
  it('is the first colour no group has yet, whatever the case it was saved in', () => {
    expect(nextGroupColour([])).toBe(groupPalette[0].colour);
    expect(nextGroupColour([{ colour: groupPalette[0].colour.toUpperCase() }])).toBe(groupPalette[1].colour);
    expect(nextGroupColour([{ colour: groupPalette[1].colour }, { colour: '#123456' }])).toBe(groupPalette[0].colour);
  });

  it('cycles through the palette once every colour is taken', () => {
    const all = groupPalette.map(({ colour }) => ({ colour }));
    expect(nextGroupColour(all)).toBe(groupPalette[0].colour);
    expect(nextGroupColour([...all, { colour: '#123456' }])).toBe(groupPalette[1].colour);
  });
});
