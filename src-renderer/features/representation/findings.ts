import type { TFunction } from 'i18next';
import type { Group, RepresentationReport, RepresentationScope } from '../../../src-main/contract/index';

/** One sentence of the check; a concern is something a facilitator may want to act on. */
export interface Finding {
  text: string;
  concern: boolean;
}

export interface Wording {
  t: TFunction;
  locale: string;
  sectorLabel(sector: string): string;
  partnerName(partnerId: string): string;
}

/** Long name lists are cut here and end with "and N more", so one finding stays readable. */
const namesShown = 10;

/** Only these tables are expected to have co-chairs; a focus group or the backbone is not. */
const chairedKinds: readonly Group['kind'][] = ['steering_committee', 'working_group'];
/**
 * A focus group gathers people with one shared experience and the backbone is the staff team:
 * neither is meant to seat every sector, so a missing sector there is not named as a gap.
 */
const singleVoiceKinds: readonly Group['kind'][] = ['focus_group', 'backbone'];

export function sharePercent(locale: string, part: number, whole: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    whole === 0 ? 0 : part / whole,
  );
}

function livedExperience({ t, locale }: Wording, scope: RepresentationScope): Finding | null {
  if (scope.seats === 0) return null;
  if (scope.livedExperienceSeats === 0)
    return { text: t('representation.noLivedExperience', { count: scope.seats }), concern: true };
  return {
    text: t('representation.livedExperience', {
      count: scope.livedExperienceSeats,
      seats: scope.seats,
      percent: sharePercent(locale, scope.livedExperienceSeats, scope.seats),
    }),
    concern: false,
  };
}

function coChairs({ t }: Wording, scope: RepresentationScope, kind: Group['kind'] | undefined): Finding | null {
  const group = scope.name;
  if (scope.coChairsFromDifferentOrganisations === true)
    return { text: t('representation.coChairsDifferent', { group }), concern: false };
  if (scope.coChairsFromDifferentOrganisations === false) {
    const text =
      scope.coChairs === 2
        ? t('representation.coChairsBothSame', { group })
        : t('representation.coChairsAllSame', { group, count: scope.coChairs });
    return { text, concern: true };
  }
  if (!kind || !chairedKinds.includes(kind) || scope.seats === 0) return null;
  return scope.coChairs === 0
    ? { text: t('representation.coChairsNone', { group }), concern: true }
    : { text: t('representation.coChairsOne', { group }), concern: true };
}

function sectorList(wording: Wording, sectors: readonly string[], type: 'conjunction' | 'disjunction') {
  return new Intl.ListFormat(wording.locale, { type }).format(sectors.map(wording.sectorLabel));
}

export function groupFindings(
  wording: Wording,
  scope: RepresentationScope,
  kind: Group['kind'] | undefined,
): Finding[] {
  const { t } = wording;
  const group = scope.name;
  if (scope.seats === 0) {
    const empty: Finding = { text: t('representation.groupEmpty', { group }), concern: true };
    return [empty];
  }
  const checkSectors = !kind || !singleVoiceKinds.includes(kind);
  const findings: (Finding | null)[] = [
    !checkSectors
      ? null
      : scope.sectorsMissing.length > 0
        ? {
            text: t('representation.groupSectorsMissing', {
              group,
              sectors: sectorList(wording, scope.sectorsMissing, 'disjunction'),
            }),
            concern: true,
          }
        : { text: t('representation.groupSectorsComplete', { group }), concern: false },
    {
      text: t('representation.groupSectorsPresent', {
        sectors: sectorList(wording, scope.sectorsPresent, 'conjunction'),
      }),
      concern: false,
    },
    livedExperience(wording, scope),
    coChairs(wording, scope, kind),
  ];
  return findings.filter((finding): finding is Finding => finding !== null);
}

export function initiativeFindings(
  wording: Wording,
  report: RepresentationReport,
  hasRelationships: boolean,
): Finding[] {
  const { t } = wording;
  const scope = report.initiative;
  const findings: (Finding | null)[] = [
    { text: t('representation.seated', { count: scope.seats }), concern: scope.seats === 0 },
    livedExperience(wording, scope),
    scope.sectorsMissing.length > 0
      ? {
          text: t('representation.initiativeSectorsMissing', {
            sectors: sectorList(wording, scope.sectorsMissing, 'disjunction'),
          }),
          concern: true,
        }
      : { text: t('representation.initiativeSectorsComplete'), concern: false },
    scope.sectorsPresent.length > 0
      ? {
          text: t('representation.initiativeSectorsPresent', {
            sectors: sectorList(wording, scope.sectorsPresent, 'conjunction'),
          }),
          concern: false,
        }
      : null,
    noGroup(wording, report.partnersInNoGroup, scope.seats),
  ];
  if (!hasRelationships) findings.push({ text: t('representation.noRelationships'), concern: false });
  else if (report.bridges.length === 0) findings.push({ text: t('representation.noBridges'), concern: false });
  for (const partnerId of report.bridges)
    findings.push({ text: t('representation.bridge', { name: wording.partnerName(partnerId) }), concern: true });
  return findings.filter((finding): finding is Finding => finding !== null);
}

function noGroup(wording: Wording, partnerIds: readonly string[], seated: number): Finding | null {
  const { t } = wording;
  if (partnerIds.length === 0)
    return seated > 0 ? { text: t('representation.everyoneInAGroup'), concern: false } : null;
  const names = partnerIds.slice(0, namesShown).map(wording.partnerName);
  if (partnerIds.length > namesShown)
    names.push(t('representation.andMore', { count: partnerIds.length - namesShown }));
  return {
    text: t('representation.inNoGroup', {
      count: partnerIds.length,
      names: new Intl.ListFormat(wording.locale, { type: 'conjunction' }).format(names),
    }),
    concern: true,
  };
}
