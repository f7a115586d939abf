import type { RepresentationReport } from '../../contract/exchange';
import type { Group, Partner, Relationship } from '../../contract/partners';

// Placeholder until the representation check lands.
export function analyseRepresentation(_partners: Partner[], _groups: Group[], _relationships: Relationship[]): RepresentationReport {
  return {
    initiative: {
      groupId: null,
      name: '',
      seats: 0,
      sectorsPresent: [],
      sectorsMissing: [],
      livedExperienceSeats: 0,
      coChairsFromDifferentOrganisations: null,
      coChairs: 0,
    },
    groups: [],
    partnersInNoGroup: [],
    bridges: [],
  };
}
