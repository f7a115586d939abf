import { describe, expect, it } from 'vitest';
import { bestNameMatch, foldForSearch } from '../../../src-renderer/components/search-fold';

describe('search folding', () => {
  it('drops accents and case on both sides, so either spelling finds the other', () => {
    expect(foldForSearch('María López')).toContain(foldForSearch('lopez'));
    expect(foldForSearch('Jose Lopez')).toContain(foldForSearch('López'));
    expect(foldForSearch('ÉCOLE Saint-Étienne')).toBe('ecole saint-etienne');
  });

  it('matches a name typed in another normal form (precomposed against decomposed)', () => {
    expect(foldForSearch('Lo\u0301pez')).toBe(foldForSearch('L\u00f3pez'));
  });

  it('leaves letters that are not an accent on a base letter alone', () => {
    expect(foldForSearch('Søren')).toBe('søren');
    expect(foldForSearch('مكتبة')).toBe('مكتبة');
  });

  it('jumps to the best match: exact name, then a prefix, then anywhere in the name', () => {
    const names = [{ name: 'Centro López' }, { name: 'López Bakery' }, { name: 'Lopez' }];
    expect(bestNameMatch(names, 'lópez')?.name).toBe('Lopez');
    expect(bestNameMatch(names, 'LOPEZ B')?.name).toBe('López Bakery');
    expect(bestNameMatch(names, 'centro lopez')?.name).toBe('Centro López');
    expect(bestNameMatch(names, '   ')).toBeUndefined();
    expect(bestNameMatch(names, 'garcia')).toBeUndefined();
  });
});
