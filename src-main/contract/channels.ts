import { z } from 'zod';
import {
  backupFileName,
  BackupEntry,
  FilePassphrase,
  InitiativeFileUpload,
  maxInitiativeFileBytes,
  RestoreOutcome,
} from './backups';
import {
  ExportFile,
  ExportRequest,
  ImportOutcome,
  ImportPreview,
  ImportRequest,
  RepresentationReport,
} from './exchange';
import {
  AppInfo,
  entityId,
  Initiative,
  newRecordId,
  InitiativeDraft,
  InitiativeListEntry,
  InitiativePatch,
} from './models';
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
import { meetingChannels } from './meeting-channels';
import { lanHubChannels, UseLanHub } from './lan-hub';
import {
  BundleFile,
  BundleOutcome,
  BundleRequest,
  BundleUpload,
  ConflictCopy,
  conflictId,
  JoinFromHub,
  maxBundleBytes,
  SyncSettings,
  SyncStatus,
} from './sync';
import { summaryChannels } from './summary';
import { measuresChannels } from './measures';
import { dataItemChannels } from './data-items';
import { roomChannels } from './room';
import { readinessChannels } from './readiness';
import { readinessLearningChannels } from './readiness-learning';
import { readinessEditChannels } from './readiness-edits';
import { roomReadinessChannels } from './room-readiness';
import { measuresUndoChannels } from './measures-undo';
import { Session, SessionDraft, SessionFilter, SessionPatch } from './sessions';
import {
  NoteDraft,
  NoteDraftSave,
  NotePatch,
  NoteRestore,
  Participant,
  ParticipantDraft,
  ParticipantPatch,
  QdcImportOutcome,
  RealName,
  SearchRequest,
  SearchResult,
  Theme,
  ThemeDraft,
  ThemePatch,
  ThemeReport,
  VoiceNote,
} from './voice';

const nothing = z.object({}).strict();
const inInitiative = { initiativeId: entityId };
const onePartner = z.object({ ...inInitiative, partnerId: entityId }).strict();
const oneGroup = z.object({ ...inInitiative, groupId: entityId }).strict();
const oneRelationship = z.object({ ...inInitiative, relationshipId: entityId }).strict();
const initiativeOnly = z.object(inInitiative).strict();
const oneSession = z.object({ ...inInitiative, sessionId: entityId }).strict();
const oneParticipant = z.object({ ...inInitiative, participantId: entityId }).strict();
const oneNote = z.object({ ...inInitiative, noteId: entityId }).strict();
const oneTheme = z.object({ ...inInitiative, themeId: entityId }).strict();
const oneFocusGroup = z.object({ ...inInitiative, focusGroupId: entityId }).strict();
/** A small file sent as base64 (a codebook): 5 MiB of content at most. */
const smallFile = { fileName: z.string().max(260), contentBase64: z.string().max(7 * 1024 * 1024) };

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
  /** The whole initiative as one SQLite file (a fresh, verified backup). */
  /** The whole initiative, sealed with a passphrase (it holds internal notes and real names). */
  'initiatives.exportFile': {
    input: z.object({ ...inInitiative, passphrase: FilePassphrase }).strict(),
    output: ExportFile,
  },
  /** A new initiative on this device from an exported file; never replaces one that is here. */
  'initiatives.importFile': {
    input: InitiativeFileUpload,
    output: Initiative,
    write: true,
    maxBytes: Math.ceil(maxInitiativeFileBytes / 3) * 4 + 4096,
  },
  /**
   * A new initiative on this device from the hub alone: it writes no record of its own, syncs, and
   * answers the initiative the hub brought. Any failure leaves no file behind. Long-running.
   */
  'initiatives.joinFromHub': { input: JoinFromHub, output: Initiative, write: true },
  /** Newest first, each re-checked. */
  'backups.list': { input: z.object(inInitiative).strict(), output: z.array(BackupEntry) },
  'backups.create': { input: z.object(inInitiative).strict(), output: BackupEntry },
  /** Replaces the initiative with a backup; the replaced file is kept aside, never deleted. */
  'backups.restore': {
    input: z.object({ ...inInitiative, fileName: backupFileName }).strict(),
    output: RestoreOutcome,
    write: true,
  },
  /** For an initiative listed as damaged: the newest backup that passes its integrity check. */
  'backups.restoreDamaged': { input: z.object(inInitiative).strict(), output: RestoreOutcome, write: true },
  /** Sync settings and the last outcome, in facts the renderer words. */
  'sync.status': { input: initiativeOnly, output: SyncStatus },
  /** Hub address and team passphrase; the passphrase itself is not stored. */
  'sync.configure': { input: SyncSettings, output: SyncStatus, write: true },
  /**
   * Syncs with the hub now; offline or refused comes back as the status, not as a failure. Not a
   * write channel: it must not hold the person's own saves in the renderer's write queue while it
   * runs (what it receives is announced as changes, like any other write).
   */
  'sync.now': { input: initiativeOnly, output: SyncStatus },
  /** Sets the initiative's hub to a roundtable hub from its code; refused when it cannot be reached. */
  'sync.useLanHub': { input: UseLanHub, output: SyncStatus, write: true },
  ...lanHubChannels,
  'sync.exportBundle': { input: BundleRequest, output: BundleFile },
  'sync.importBundle': {
    input: BundleUpload,
    output: BundleOutcome,
    write: true,
    maxBytes: Math.ceil(maxBundleBytes / 3) * 4 + 4096,
  },
  /** Long texts that lost to a concurrent edit on another device, not yet dismissed. */
  'conflicts.list': { input: initiativeOnly, output: z.array(ConflictCopy) },
  'conflicts.dismiss': {
    input: z.object({ ...inInitiative, conflictId }).strict(),
    output: z.object({ conflictId: z.string() }),
    write: true,
  },
  'partners.list': { input: z.object(inInitiative).strict(), output: z.array(Partner) },
  'partners.create': {
    input: z.object({ ...inInitiative, partner: PartnerDraft, id: newRecordId }).strict(),
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
  'groups.create': {
    input: z.object({ ...inInitiative, group: GroupDraft, id: newRecordId }).strict(),
    output: Group,
    write: true,
  },
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
  'sessions.list': {
    input: z.object({ ...inInitiative, filter: SessionFilter }).strict(),
    output: z.array(Session),
  },
  'sessions.create': {
    input: z.object({ ...inInitiative, session: SessionDraft, id: newRecordId }).strict(),
    output: Session,
    write: true,
  },
  'sessions.update': {
    input: z.object({ ...inInitiative, sessionId: entityId, patch: SessionPatch }).strict(),
    output: Session,
    write: true,
  },
  'sessions.delete': { input: oneSession, output: z.object({ sessionId: entityId }), write: true },
  'sessions.restore': { input: oneSession, output: Session, write: true },
  /** Notes carried to a session, as they may be shown at the table (consent applied). */
  'sessions.carriedNotes': { input: oneSession, output: z.array(VoiceNote) },
  'participants.list': { input: oneFocusGroup, output: z.array(Participant) },
  'participants.create': {
    input: z.object({ ...inInitiative, participant: ParticipantDraft }).strict(),
    output: Participant,
    write: true,
  },
  'participants.update': {
    input: z.object({ ...inInitiative, participantId: entityId, patch: ParticipantPatch }).strict(),
    output: Participant,
    write: true,
  },
  'participants.withdraw': { input: oneParticipant, output: Participant, write: true },
  'participants.reinstate': { input: oneParticipant, output: Participant, write: true },
  /** The one channel that answers with a real name; only the focus group's own screen calls it. */
  'participants.realName': { input: oneParticipant, output: RealName },
  'participants.setRealName': {
    input: z.object({ ...inInitiative, participantId: entityId, realName: z.string().trim().max(200) }).strict(),
    output: Participant,
    write: true,
  },
  /** The focus group's own screen: every note, internal-only and withdrawn ones included. */
  'voice.notes': { input: oneFocusGroup, output: z.array(VoiceNote) },
  'voice.draft': { input: oneFocusGroup, output: NoteDraft.nullable() },
  'voice.saveDraft': {
    input: z.object({ ...inInitiative, draft: NoteDraftSave }).strict(),
    output: NoteDraft,
    write: true,
  },
  'voice.capture': { input: oneNote, output: VoiceNote, write: true },
  'voice.update': {
    input: z.object({ ...inInitiative, noteId: entityId, patch: NotePatch }).strict(),
    output: VoiceNote,
    write: true,
  },
  'voice.delete': { input: oneNote, output: z.object({ noteId: entityId }), write: true },
  'voice.restore': { input: NoteRestore, output: VoiceNote, write: true },
  'voice.setThemes': {
    input: z.object({ ...inInitiative, noteId: entityId, themeIds: z.array(entityId).max(50) }).strict(),
    output: VoiceNote,
    write: true,
  },
  'voice.search': { input: SearchRequest, output: SearchResult },
  'voice.carry': {
    input: z.object({ ...inInitiative, sessionId: entityId, noteIds: z.array(entityId).min(1).max(500) }).strict(),
    output: z.object({ carried: z.number().int() }),
    write: true,
  },
  'voice.uncarry': {
    input: z.object({ ...inInitiative, sessionId: entityId, noteId: entityId }).strict(),
    output: z.object({ noteId: entityId }),
    write: true,
  },
  /** Notes that may leave the app (never internal-only, never withdrawn) as CSV. */
  'voice.exportCsv': {
    input: z.object({ ...inInitiative, focusGroupId: entityId.optional() }).strict(),
    output: ExportFile,
  },
  'themes.list': { input: initiativeOnly, output: z.array(Theme) },
  'themes.create': { input: z.object({ ...inInitiative, theme: ThemeDraft }).strict(), output: Theme, write: true },
  'themes.update': {
    input: z.object({ ...inInitiative, themeId: entityId, patch: ThemePatch }).strict(),
    output: Theme,
    write: true,
  },
  'themes.delete': { input: oneTheme, output: z.object({ themeId: entityId }), write: true },
  'themes.restore': { input: oneTheme, output: Theme, write: true },
  /** Moves every note of the source theme to the target and retires the source. */
  'themes.merge': {
    input: z.object({ ...inInitiative, sourceId: entityId, targetId: entityId }).strict(),
    output: Theme,
    write: true,
  },
  'themes.report': { input: initiativeOnly, output: ThemeReport },
  'themes.exportQdc': { input: initiativeOnly, output: ExportFile },
  'themes.importQdc': {
    input: z.object({ ...inInitiative, ...smallFile }).strict(),
    output: QdcImportOutcome,
    write: true,
    maxBytes: 8 * 1024 * 1024,
  },
  ...meetingChannels,
  ...summaryChannels,
  ...measuresChannels,
  ...dataItemChannels,
  ...roomChannels,
  ...readinessChannels,
  ...readinessLearningChannels,
  ...readinessEditChannels,
  ...roomReadinessChannels,
  ...measuresUndoChannels,
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
