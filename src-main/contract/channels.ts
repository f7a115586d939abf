import { z } from 'zod';
import {
  ExportFile,
  ExportRequest,
  ImportOutcome,
  ImportPreview,
  ImportRequest,
  RepresentationReport,
} from './exchange';
import { AppInfo, entityId, Initiative, InitiativeDraft, InitiativeListEntry, InitiativePatch } from './models';
import {
  Group,
  GroupDraft,
  GroupPatch,
  MapPosition,
  maxPositionsPerSave,
  memberRoles,
  Partner,
  PartnerDraft,
  PartnerPatch,
  Relationship,
  RelationshipDraft,
  RelationshipPatch,
} from './partners';

const nothing = z.object({}).strict();
const inInitiative = { initiativeId: entityId };
const onePartner = z.object({ ...inInitiative, partnerId: entityId }).strict();
const oneGroup = z.object({ ...inInitiative, groupId: entityId }).strict();
const oneRelationship = z.object({ ...inInitiative, relationshipId: entityId }).strict();
const initiativeOnly = z.object(inInitiative).strict();

/**
 * The one map of channels. The preload, the IPC registration, the host's routes and the renderer's
 * client are all typed from it, so a channel cannot exist in one place only.
 */
export const channels = {
  'app.info': { input: nothing, output: AppInfo },
  'initiatives.list': { input: nothing, output: z.array(InitiativeListEntry) },
  'initiatives.create': { input: InitiativeDraft, output: Initiative, write: true },
  'initiatives.createSample': { input: nothing, output: Initiative, write: true },
  'initiatives.get': { input: z.object(inInitiative).strict(), output: Initiative },
  'initiatives.update': {
    input: z.object({ ...inInitiative, patch: InitiativePatch }).strict(),
    output: Initiative,
    write: true,
  },
  'partners.list': { input: z.object(inInitiative).strict(), output: z.array(Partner) },
  'partners.create': {
    input: z.object({ ...inInitiative, partner: PartnerDraft }).strict(),
    output: Partner,
    write: true,
  },
  'partners.update': {
    input: z.object({ ...inInitiative, partnerId: entityId, patch: PartnerPatch }).strict(),
    output: Partner,
    write: true,
  },
  'partners.delete': { input: onePartner, output: z.object({ partnerId: entityId }), write: true },
  'partners.restore': { input: onePartner, output: Partner, write: true },
  'partners.import.preview': { input: ImportRequest, output: ImportPreview, maxBytes: 32 * 1024 * 1024 },
  'partners.import.commit': { input: ImportRequest, output: ImportOutcome, write: true, maxBytes: 32 * 1024 * 1024 },
  'partners.export': { input: ExportRequest, output: ExportFile },
  'groups.list': { input: initiativeOnly, output: z.array(Group) },
  'groups.create': { input: z.object({ ...inInitiative, group: GroupDraft }).strict(), output: Group, write: true },
  'groups.update': {
    input: z.object({ ...inInitiative, groupId: entityId, patch: GroupPatch }).strict(),
    output: Group,
    write: true,
  },
  'groups.delete': { input: oneGroup, output: z.object({ groupId: entityId }), write: true },
  'groups.restore': { input: oneGroup, output: Group, write: true },
  'groups.setMember': {
    input: z.object({ ...inInitiative, groupId: entityId, partnerId: entityId, role: z.enum(memberRoles) }).strict(),
    output: Group,
    write: true,
  },
  'groups.removeMember': {
    input: z.object({ ...inInitiative, groupId: entityId, partnerId: entityId }).strict(),
    output: Group,
    write: true,
  },
  'relationships.list': { input: initiativeOnly, output: z.array(Relationship) },
  'relationships.create': {
    input: z.object({ ...inInitiative, relationship: RelationshipDraft }).strict(),
    output: Relationship,
    write: true,
  },
  'relationships.update': {
    input: z.object({ ...inInitiative, relationshipId: entityId, patch: RelationshipPatch }).strict(),
    output: Relationship,
    write: true,
  },
  'relationships.delete': { input: oneRelationship, output: z.object({ relationshipId: entityId }), write: true },
  'map.positions': { input: initiativeOnly, output: z.array(MapPosition) },
  'map.savePositions': {
    input: z.object({ ...inInitiative, positions: z.array(MapPosition).max(maxPositionsPerSave) }).strict(),
    output: z.object({ saved: z.number().int() }),
    write: true,
  },
  'map.resetLayout': { input: initiativeOnly, output: z.object({ cleared: z.literal(true) }), write: true },
  'representation.report': { input: initiativeOnly, output: RepresentationReport },
} as const satisfies Record<string, ChannelSpec>;

interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** Saves something: the renderer shows these in its save indicator. */
  write?: true;
  /** Largest request body the host accepts for this channel (files); 1 MiB otherwise. */
  maxBytes?: number;
}

export function isWriteChannel(channel: Channel): boolean {
  return 'write' in channels[channel];
}

export const defaultMaxBytes = 1024 * 1024;

export function maxBytesFor(channel: Channel): number {
  const spec: ChannelSpec = channels[channel];
  return spec.maxBytes ?? defaultMaxBytes;
}

export type Channels = typeof channels;
export type Channel = keyof Channels;
/** What a caller may send (defaults not yet applied). */
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Channels[C]['output']>;

export const channelNames = Object.keys(channels) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name);
}
