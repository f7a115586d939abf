import { z } from 'zod';
import { entityId, limits, partnerKinds } from './models';

/** Partners, groups, relationships and map positions: the roster and its constellation. */
export const engagementStages = ['identified', 'invited', 'engaged', 'committed', 'champion'] as const;
export const groupKinds = ['steering_committee', 'working_group', 'backbone', 'constellation', 'focus_group'] as const;
export const memberRoles = ['co_chair', 'member', 'staff', 'liaison', 'leader'] as const;
export const relationshipKinds = ['funds', 'partners_with', 'refers_to', 'shares_data_with', 'reports_to'] as const;

const name = z.string().trim().min(1, 'must not be empty').max(limits.name);
const shortText = z.string().max(limits.shortText);
const longText = z.string().max(limits.longText);
const rating = z.number().int().min(1).max(5).nullable();
export const Tag = z.string().trim().min(1).max(40);
const tags = z.array(Tag).max(30);
const colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour like #1f6f5c');

export const Partner = z.object({
  id: entityId,
  name: z.string(),
  kind: z.enum(partnerKinds),
  sector: z.string(),
  organisationId: entityId.nullable(),
  livedExperience: z.boolean(),
  influence: rating,
  interest: rating,
  stage: z.enum(engagementStages),
  /** Contact details are private: exports leave them out unless the person asks for them. */
  email: z.string(),
  phone: z.string(),
  tags: z.array(z.string()),
  notes: z.string(),
});
export type Partner = z.infer<typeof Partner>;

const partnerFields = {
  name,
  kind: z.enum(partnerKinds),
  sector: z.string().trim().min(1, 'must not be empty').max(limits.sector),
  organisationId: entityId.nullable(),
  livedExperience: z.boolean(),
  influence: rating,
  interest: rating,
  stage: z.enum(engagementStages),
  email: shortText,
  phone: shortText,
  tags,
  notes: longText,
};

export const PartnerDraft = z
  .object({
    ...partnerFields,
    kind: partnerFields.kind.default('organisation'),
    sector: partnerFields.sector.default('other'),
    organisationId: partnerFields.organisationId.default(null),
    livedExperience: partnerFields.livedExperience.default(false),
    influence: rating.default(null),
    interest: rating.default(null),
    stage: partnerFields.stage.default('identified'),
    email: shortText.default(''),
    phone: shortText.default(''),
    tags: tags.default([]),
    notes: longText.default(''),
  })
  .strict();
export type PartnerDraft = z.input<typeof PartnerDraft>;

export const PartnerPatch = z.object(partnerFields).partial().strict();
export type PartnerPatch = z.infer<typeof PartnerPatch>;

export const Membership = z.object({ partnerId: entityId, role: z.enum(memberRoles) });
export type Membership = z.infer<typeof Membership>;

export const Group = z.object({
  id: entityId,
  kind: z.enum(groupKinds),
  name: z.string(),
  purpose: z.string(),
  colour: z.string(),
  members: z.array(Membership),
});
export type Group = z.infer<typeof Group>;

const groupFields = { kind: z.enum(groupKinds), name, purpose: longText, colour };
export const GroupDraft = z
  .object({ ...groupFields, purpose: longText.default(''), colour: colour.default('#1f6f5c') })
  .strict();
export type GroupDraft = z.input<typeof GroupDraft>;
export const GroupPatch = z.object(groupFields).partial().strict();
export type GroupPatch = z.infer<typeof GroupPatch>;

export const RelationshipKind = z.string().trim().min(1).max(limits.sector);
/**
 * Which way a relationship runs, in Kumu's words: From → To, a tie with no direction, or both ways.
 * Gephi and GraphML know only directed and undirected; mutual goes out to them as directed with a
 * `direction` attribute that says so.
 */
export const relationshipDirections = ['directed', 'undirected', 'mutual'] as const;
export const RelationshipDirection = z.enum(relationshipDirections);
export type RelationshipDirection = z.infer<typeof RelationshipDirection>;
export const Relationship = z.object({
  id: entityId,
  fromId: entityId,
  toId: entityId,
  /** One of relationshipKinds, or a custom word the facilitator typed. */
  kind: z.string(),
  strength: z.number().int().min(1).max(3),
  note: z.string(),
  direction: RelationshipDirection,
});
export type Relationship = z.infer<typeof Relationship>;

const relationshipFields = {
  fromId: entityId,
  toId: entityId,
  kind: RelationshipKind,
  strength: z.number().int().min(1).max(3),
  note: longText,
  direction: RelationshipDirection,
};
export const RelationshipDraft = z
  .object({
    ...relationshipFields,
    strength: relationshipFields.strength.default(2),
    note: longText.default(''),
    direction: RelationshipDirection.default('directed'),
  })
  .strict()
  .refine((draft) => draft.fromId !== draft.toId, {
    message: 'a relationship needs two different partners',
    path: ['toId'],
  });
export type RelationshipDraft = z.input<typeof RelationshipDraft>;
export const RelationshipPatch = z
  .object({
    kind: relationshipFields.kind,
    strength: relationshipFields.strength,
    note: relationshipFields.note,
    direction: relationshipFields.direction,
  })
  .partial()
  .strict();
export type RelationshipPatch = z.infer<typeof RelationshipPatch>;

/** The node ids on the map are partner and group ids, plus this one for the common agenda. */
export const agendaNodeId = '00000000-0000-7000-8000-000000000000';
const coordinate = z.number().finite().min(-1e6).max(1e6);
export const MapPosition = z.object({ nodeId: entityId, x: coordinate, y: coordinate }).strict();
export type MapPosition = z.infer<typeof MapPosition>;
export const maxPositionsPerSave = 10_000;
