import { knownSectors, type Group, type Partner } from '../../../src-main/contract/index';
import { customValuesInUse } from '../../components/choices';
import { foldForSearch } from '../../components/search-fold';

export type PartnerSort = 'name' | 'sector' | 'stage' | 'influence' | 'interest';

export interface PartnerFilter {
  query: string;
  sector: string | null;
  stage: Partner['stage'] | null;
  groupId: string | null;
  tag: string | null;
  livedExperienceOnly: boolean;
}

export const noFilter: PartnerFilter = {
  query: '',
  sector: null,
  stage: null,
  groupId: null,
  tag: null,
  livedExperienceOnly: false,
};

const stageOrder: Record<Partner['stage'], number> = {
  identified: 0,
  invited: 1,
  engaged: 2,
  committed: 3,
  champion: 4,
};

/** Folded text a search matches against (accents and case ignored): name, sector, tags, email and notes. */
function searchText(partner: Partner): string {
  return foldForSearch(
    `${partner.name}\n${partner.sector}\n${partner.tags.join('\n')}\n${partner.email}\n${partner.notes}`,
  );
}

/**
 * Filters and sorts the roster. Pure, so it runs the same in the renderer and in unit tests; the
 * search index is built once per partner list, not per keystroke.
 */
export function makePartnerQuery(partners: readonly Partner[], groups: readonly Group[]) {
  const texts = new Map(partners.map((partner) => [partner.id, searchText(partner)]));
  const membersOf = new Map(
    groups.map((group) => [group.id, new Set(group.members.map((member) => member.partnerId))]),
  );

  return function run(filter: PartnerFilter, sort: PartnerSort): Partner[] {
    const needle = foldForSearch(filter.query.trim());
    const members = filter.groupId ? (membersOf.get(filter.groupId) ?? new Set<string>()) : null;
    const matches = partners.filter(
      (partner) =>
        (needle === '' || (texts.get(partner.id) ?? '').includes(needle)) &&
        (filter.sector === null || partner.sector === filter.sector) &&
        (filter.stage === null || partner.stage === filter.stage) &&
        (filter.tag === null || partner.tags.includes(filter.tag)) &&
        (!filter.livedExperienceOnly || partner.livedExperience) &&
        (members === null || members.has(partner.id)),
    );
    const byName = (a: Partner, b: Partner) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
    const compare: Record<PartnerSort, (a: Partner, b: Partner) => number> = {
      name: byName,
      sector: (a, b) => a.sector.localeCompare(b.sector) || byName(a, b),
      stage: (a, b) => stageOrder[b.stage] - stageOrder[a.stage] || byName(a, b),
      // Highest first; unrated partners last.
      influence: (a, b) => (b.influence ?? 0) - (a.influence ?? 0) || byName(a, b),
      interest: (a, b) => (b.interest ?? 0) - (a.interest ?? 0) || byName(a, b),
    };
    return matches.sort(compare[sort]);
  };
}

/** Every tag in use, most used first, for the tag filter. */
export function tagsInUse(partners: readonly Partner[]): string[] {
  const counts = new Map<string, number>();
  for (const partner of partners) for (const tag of partner.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

/** Sectors partners carry that are not on the known list, for the sector lists and the filter. */
export function customSectorsInUse(partners: readonly Partner[]): string[] {
  return customValuesInUse(
    partners.map((partner) => partner.sector),
    knownSectors,
  );
}
