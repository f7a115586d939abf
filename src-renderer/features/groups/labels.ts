import type { TFunction } from 'i18next';
import { relationshipKinds, type Group, type Membership, type Relationship } from '../../../src-main/contract/index';
import { customValuesInUse } from '../../components/choices';

/** Literal keys, so the locale test can see each one used. */
export const roleKey: Record<Membership['role'], string> = {
  co_chair: 'roles.co_chair',
  member: 'roles.member',
  staff: 'roles.staff',
  liaison: 'roles.liaison',
  leader: 'roles.leader',
};

export const groupKindKey: Record<Group['kind'], string> = {
  steering_committee: 'groupKinds.steering_committee',
  working_group: 'groupKinds.working_group',
  backbone: 'groupKinds.backbone',
  constellation: 'groupKinds.constellation',
  focus_group: 'groupKinds.focus_group',
};

const relationshipKindKey: Record<(typeof relationshipKinds)[number], string> = {
  funds: 'relationshipKinds.funds',
  partners_with: 'relationshipKinds.partners_with',
  refers_to: 'relationshipKinds.refers_to',
  shares_data_with: 'relationshipKinds.shares_data_with',
  reports_to: 'relationshipKinds.reports_to',
};

/** Known kinds are translated; a custom kind is shown as typed. */
export function relationshipKindLabel(t: TFunction): (kind: string) => string {
  return (kind) =>
    kind in relationshipKindKey ? t(relationshipKindKey[kind as keyof typeof relationshipKindKey]) : kind;
}

/** Kinds of relationship typed by the facilitator (or imported) rather than picked from the list. */
export function customRelationshipKindsInUse(relationships: readonly Relationship[]): string[] {
  return customValuesInUse(
    relationships.map((relationship) => relationship.kind),
    relationshipKinds,
  );
}
