import type { RepresentationReport, RepresentationScope } from '../../contract/exchange';
import { knownSectors } from '../../contract/models';
import type { Group, Partner, Relationship } from '../../contract/partners';
import { articulationPoints } from './articulation-points';

type KnownSector = (typeof knownSectors)[number];

/**
 * The representation check (issue 3, section 4): who sits at which table, which sectors are
 * missing, how many seats hold lived experience, whether co-chairs share an organisation, who is
 * in no group, and whose departure would split the relationship network.
 *
 * Rules, chosen so a facilitator can check every number by hand:
 * - Only live partners count. The store lists no deleted partners; a membership or relationship
 *   that still names one is ignored, as is a repeated membership of the same partner in a group.
 * - A group's seats are its memberships, whatever the role (a liaison or staff member is still at
 *   the table). The initiative's seats are the distinct partners sitting in at least one group, so
 *   a person in three groups counts once.
 * - A seat holds lived experience when that partner's `livedExperience` is true.
 * - Sectors: a group looks at its members' sectors; the initiative looks at every partner on the
 *   roster, seated or not, because a partner in no group is still part of the initiative (the
 *   "in no group" list shows who is not yet seated). A sector spelled like a known one in another
 *   case ("Health" from an import) counts as the known one; custom sectors are compared without
 *   case and keep the first spelling met. `sectorsMissing` lists the known sectors nobody brings,
 *   except 'other', which is a catch-all and never "missing".
 * - A co-chair's organisation is the partner itself when it is an organisation, else the
 *   person's organisation; a person with no organisation stands for themself. Co-chairs "come from
 *   different organisations" when at least two organisations are among them (three co-chairs of
 *   whom two share an employer still pass); the answer is null below two co-chairs. The
 *   initiative's co-chairs are those of its steering committee(s), counted once each.
 * - The initiative scope has an empty `name`: this function does not know the initiative's name,
 *   and the renderer labels the scope in the person's language anyway.
 * - Order is deterministic: groups and partner lists by name (ties by id); sectors in the order of
 *   `knownSectors`, then custom ones alphabetically.
 * - Bridges are the articulation points of the undirected relationship graph over live partners.
 */
export function analyseRepresentation(
  partners: Partner[],
  groups: Group[],
  relationships: Relationship[],
): RepresentationReport {
  const partnerById = new Map(partners.map((partner) => [partner.id, partner]));
  const seatedIds = new Set<string>();

  const groupScopes = [...groups].sort(byName).map((group) => {
    const members = liveMembers(group, partnerById);
    for (const { partner } of members) seatedIds.add(partner.id);
    const coChairs = members.filter((member) => member.role === 'co_chair').map((member) => member.partner);
    return scopeOf(
      group.id,
      group.name,
      members.map((member) => member.partner),
      members.map((member) => member.partner),
      coChairs,
    );
  });

  const seated = partners.filter((partner) => seatedIds.has(partner.id));
  const steeringCoChairs = new Map<string, Partner>();
  for (const group of groups) {
    if (group.kind !== 'steering_committee') continue;
    for (const member of liveMembers(group, partnerById))
      if (member.role === 'co_chair') steeringCoChairs.set(member.partner.id, member.partner);
  }

  return {
    initiative: scopeOf(null, '', seated, partners, [...steeringCoChairs.values()]),
    groups: groupScopes,
    partnersInNoGroup: partners
      .filter((partner) => !seatedIds.has(partner.id))
      .sort(byName)
      .map((partner) => partner.id),
    bridges: [
      ...articulationPoints(
        partners.map((partner) => partner.id),
        relationships.map((relationship) => [relationship.fromId, relationship.toId] as const),
      ),
    ]
      .map((id) => partnerById.get(id) as Partner)
      .sort(byName)
      .map((partner) => partner.id),
  };
}

function liveMembers(group: Group, partnerById: ReadonlyMap<string, Partner>) {
  const seen = new Set<string>();
  const members: { partner: Partner; role: Group['members'][number]['role'] }[] = [];
  for (const { partnerId, role } of group.members) {
    const partner = partnerById.get(partnerId);
    if (!partner || seen.has(partnerId)) continue;
    seen.add(partnerId);
    members.push({ partner, role });
  }
  return members;
}

function scopeOf(
  groupId: string | null,
  name: string,
  seats: readonly Partner[],
  sectorSources: readonly Partner[],
  coChairs: readonly Partner[],
): RepresentationScope {
  const sectorsPresent = sectorsOf(sectorSources);
  const present = new Set<string>(sectorsPresent);
  return {
    groupId,
    name,
    seats: seats.length,
    sectorsPresent,
    sectorsMissing: knownSectors.filter((sector) => sector !== 'other' && !present.has(sector)),
    livedExperienceSeats: seats.filter((partner) => partner.livedExperience).length,
    coChairsFromDifferentOrganisations: coChairs.length < 2 ? null : new Set(coChairs.map(organisationOf)).size > 1,
    coChairs: coChairs.length,
  };
}

/** The organisation a co-chair speaks for; a person with no organisation stands for themself. */
export function organisationOf(partner: Partner): string {
  return partner.kind === 'organisation' ? partner.id : (partner.organisationId ?? partner.id);
}

const knownByFolded = new Map<string, KnownSector>(knownSectors.map((sector) => [sector, sector]));

function sectorsOf(partners: readonly Partner[]): string[] {
  const known = new Set<KnownSector>();
  const custom = new Map<string, string>();
  for (const partner of partners) {
    const spelled = partner.sector.trim();
    const folded = spelled.toLocaleLowerCase('en');
    const knownSector = spelled === '' ? 'other' : knownByFolded.get(folded);
    if (knownSector) known.add(knownSector);
    else if (!custom.has(folded)) custom.set(folded, spelled);
  }
  return [
    ...knownSectors.filter((sector) => known.has(sector)),
    ...[...custom.values()].sort((a, b) => compareText(a, b)),
  ];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const compareText = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  compareText(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
