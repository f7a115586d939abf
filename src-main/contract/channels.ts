import { z } from 'zod';
import {
  AppInfo,
  entityId,
  Initiative,
  InitiativeDraft,
  InitiativeListEntry,
  InitiativePatch,
  Partner,
  PartnerDraft,
  PartnerPatch,
} from './models';

const nothing = z.object({}).strict();
const inInitiative = { initiativeId: entityId };
const onePartner = z.object({ ...inInitiative, partnerId: entityId }).strict();

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
} as const satisfies Record<string, ChannelSpec>;

interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** Saves something: the renderer shows these in its save indicator. */
  write?: true;
}

export function isWriteChannel(channel: Channel): boolean {
  return 'write' in channels[channel];
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
