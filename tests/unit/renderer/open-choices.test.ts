import { describe, expect, it } from 'vitest';
import { knownSectors, relationshipKinds, Sector, RelationshipKind } from '../../../src-main/contract/index';
import type { Partner, Relationship } from '../../../src-main/contract/index';
import { customValuesInUse, matchChoice } from '../../../src-renderer/components/choices';
import { customRelationshipKindsInUse } from '../../../src-renderer/features/groups/labels';
import { customSectorsInUse } from '../../../src-renderer/features/partners/filters';

const sectorChoices = [
  { value: 'health', label: 'Health' },
  { value: 'community', label: 'Community / residents' },
  { value: 'Youth sport', label: 'Youth sport' },
];

describe('a typed custom value', () => {
  it('is the known value when it names one, whatever the case', () => {
    expect(matchChoice('health', sectorChoices)).toBe('health');
    expect(matchChoice('  HEALTH ', sectorChoices)).toBe('health');
    expect(matchChoice('community / Residents', sectorChoices)).toBe('community');
  });

  it('takes the spelling already in use for a custom value typed again', () => {
    expect(matchChoice('youth sport', sectorChoices)).toBe('Youth sport');
  });

  it('is the trimmed text otherwise, which the contract accepts as it is', () => {
    const typed = matchChoice('  Faith-based youth work ', sectorChoices);
    expect(typed).toBe('Faith-based youth work');
    expect(Sector.parse(typed)).toBe(typed);
    expect(RelationshipKind.parse(matchChoice(' mentors', []))).toBe('mentors');
  });

  it("is '' while the box holds only spaces, so forms can refuse it", () => {
    expect(matchChoice('   ', sectorChoices)).toBe('');
  });
});

describe('custom values in use', () => {
  it('lists each value off the fixed list once, alphabetically regardless of case', () => {
    expect(customValuesInUse(['b', 'Zeta', 'alpha', 'b', 'known'], ['known'])).toEqual(['alpha', 'b', 'Zeta']);
  });

  it('finds the custom sectors partners carry, and none of the known ones', () => {
    const partners = [
      ...knownSectors.map((sector) => ({ sector })),
      { sector: 'youth sport' },
      { sector: 'Arts' },
      { sector: 'youth sport' },
    ] as Partner[];
    expect(customSectorsInUse(partners)).toEqual(['Arts', 'youth sport']);
    expect(customSectorsInUse([])).toEqual([]);
  });

  it('finds the custom relationship kinds in use, and none of the known ones', () => {
    const relationships = [
      ...relationshipKinds.map((kind) => ({ kind })),
      { kind: 'mentors' },
      { kind: 'hosts' },
      { kind: 'mentors' },
    ] as Relationship[];
    expect(customRelationshipKindsInUse(relationships)).toEqual(['hosts', 'mentors']);
  });
});
