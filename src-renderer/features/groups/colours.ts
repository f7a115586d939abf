import type { Group } from '../../../src-main/contract/index';

/**
 * Colours a group can take in one click. Each is dark enough to read as a ring and a swatch on the
 * app's light surfaces (at least 4.5:1 against white, above the 3:1 WCAG asks of graphics), and
 * their hues stay apart so neighbouring constellations are told apart on the map. The first is
 * the contract's default colour. Any other colour can still be chosen with the colour input.
 */
export const groupPalette = [
  { colour: '#1f6f5c', nameKey: 'groups.colours.green' },
  { colour: '#2b6cb0', nameKey: 'groups.colours.blue' },
  { colour: '#7a4fb3', nameKey: 'groups.colours.purple' },
  { colour: '#a23b72', nameKey: 'groups.colours.magenta' },
  { colour: '#c53030', nameKey: 'groups.colours.red' },
  { colour: '#b45309', nameKey: 'groups.colours.orange' },
  { colour: '#8a6d00', nameKey: 'groups.colours.ochre' },
  { colour: '#4a5568', nameKey: 'groups.colours.slate' },
] as const;

/** A new group's colour: the first one no group has yet, so the first eight groups never share. */
export function nextGroupColour(groups: readonly Pick<Group, 'colour'>[]): string {
  const taken = new Set(groups.map((group) => group.colour.toLowerCase()));
  const free = groupPalette.find(({ colour }) => !taken.has(colour));
  return (free ?? groupPalette[groups.length % groupPalette.length]).colour;
}
