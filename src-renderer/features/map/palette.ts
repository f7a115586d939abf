import { relationshipKinds, type knownSectors } from '../../../src-main/contract/index';

type KnownSector = (typeof knownSectors)[number];

/**
 * Fixed colours per known sector, chosen to stay apart from each other for common colour-vision
 * differences (Okabe–Ito based), so a facilitator can read sectors at a glance. Custom sectors
 * share one grey: their number is open-ended, and a legend of twenty greys would help no one.
 */
export const sectorColour: Record<KnownSector, string> = {
  nonprofit: '#0072b2',
  education: '#e69f00',
  health: '#009e73',
  government: '#56417a',
  business: '#d55e00',
  philanthropy: '#cc79a7',
  faith: '#8c6d1f',
  community: '#2fa8d8',
  media: '#b0245a',
  other: '#5b6770',
};
export const customSectorColour = '#9aa0a6';

/** Literal keys, so the locale check can see every one in use. */
export const sectorLabelKey: Record<KnownSector, string> = {
  nonprofit: 'sectors.nonprofit',
  education: 'sectors.education',
  health: 'sectors.health',
  government: 'sectors.government',
  business: 'sectors.business',
  philanthropy: 'sectors.philanthropy',
  faith: 'sectors.faith',
  community: 'sectors.community',
  media: 'sectors.media',
  other: 'sectors.other',
};

export function isKnownSector(sector: string): sector is KnownSector {
  return Object.hasOwn(sectorColour, sector);
}

export function colourOfSector(sector: string): string {
  return isKnownSector(sector) ? sectorColour[sector] : customSectorColour;
}

type KnownRelationship = (typeof relationshipKinds)[number];

export const relationshipColour: Record<KnownRelationship, string> = {
  funds: '#1f6f5c',
  partners_with: '#0072b2',
  refers_to: '#7a4fb3',
  shares_data_with: '#c26a00',
  reports_to: '#3b4148',
};
export const customRelationshipColour = '#8a9097';

export const relationshipLabelKey: Record<KnownRelationship, string> = {
  funds: 'map.relationship.funds',
  partners_with: 'map.relationship.partnersWith',
  refers_to: 'map.relationship.refersTo',
  shares_data_with: 'map.relationship.sharesDataWith',
  reports_to: 'map.relationship.reportsTo',
};

export function isKnownRelationship(kind: string): kind is KnownRelationship {
  return Object.hasOwn(relationshipColour, kind);
}

export const knownRelationshipKinds = relationshipKinds;
