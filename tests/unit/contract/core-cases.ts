import type { Channel } from '../../../src-main/contract/channels';
import type { ContractFixture } from './contract-fixture';
import { joinSource } from './join-source';
import { hardeningValidInput, isHardeningChannel, seedHardening, type HardeningIds } from './hardening-cases';
import { isMeetingChannel, meetingValidInput, seedMeeting, type MeetingIds } from './meeting-cases';
import { isSummaryChannel, seedSummary, summaryValidInput, type SummaryIds } from './summary-cases';
import { isSyncChannel, seedSync, syncValidInput, type SyncIds } from './sync-cases';
import { isVoiceChannel, seedVoice, voiceValidInput, type VoiceIds } from './voice-cases';
import { isMeasuresChannel, measuresValidInput, seedMeasures, type MeasuresIds } from './measures-cases';
import { dataItemValidInput, isDataItemChannel, seedDataItems, type DataItemIds } from './data-items-cases';
import { isRoomChannel, roomValidInput, seedRoom, type RoomIds } from './room-cases';
import { isReadinessChannel, readinessValidInput, seedReadiness, type ReadinessIds } from './readiness-cases';

/** Ids of the rows every channel suite starts from: real rows, so only a bad part can be refused. */
export interface CoreIds {
  initiativeId: string;
  partnerId: string;
  deletedPartnerId: string;
  secondPartnerId: string;
  groupId: string;
  deletedGroupId: string;
  relationshipId: string;
}

export interface SeededIds {
  core: CoreIds;
  voice: VoiceIds;
  meeting: MeetingIds;
  hardening: HardeningIds;
  sync: SyncIds;
  summary: SummaryIds;
  measures: MeasuresIds;
  dataItems: DataItemIds;
  room: RoomIds;
  readiness: ReadinessIds;
}

/** An initiative with partners, groups and a relationship (some deleted, for the restore channels). */
export function seedCore(fixture: ContractFixture): CoreIds {
  const initiativeId = fixture.ok('initiatives.create', { name: 'Eastside Cradle to Career' }).id;
  const partnerId = fixture.ok('partners.create', {
    initiativeId,
    partner: { name: 'Eastside Library', sector: 'education' },
  }).id;
  const deletedPartnerId = fixture.ok('partners.create', { initiativeId, partner: { name: 'Gone Partner' } }).id;
  fixture.ok('partners.delete', { initiativeId, partnerId: deletedPartnerId });
  const secondPartnerId = fixture.ok('partners.create', {
    initiativeId,
    partner: { name: 'Eastside Clinic', sector: 'health' },
  }).id;
  const groupId = fixture.ok('groups.create', {
    initiativeId,
    group: { kind: 'working_group', name: 'Early years' },
  }).id;
  const deletedGroupId = fixture.ok('groups.create', {
    initiativeId,
    group: { kind: 'constellation', name: 'Gone group' },
  }).id;
  fixture.ok('groups.delete', { initiativeId, groupId: deletedGroupId });
  fixture.ok('groups.setMember', { initiativeId, groupId, partnerId, role: 'co_chair' });
  const relationshipId = fixture.ok('relationships.create', {
    initiativeId,
    relationship: { fromId: partnerId, toId: secondPartnerId, kind: 'refers_to' },
  }).id;
  return { initiativeId, partnerId, deletedPartnerId, secondPartnerId, groupId, deletedGroupId, relationshipId };
}

/** Everything the valid inputs of every channel refer to. */
export async function seedAll(fixture: ContractFixture): Promise<SeededIds> {
  const core = seedCore(fixture);
  const voice = seedVoice(fixture, core.initiativeId);
  const meeting = seedMeeting(fixture, voice, core.partnerId, core.groupId);
  const hardening = await seedHardening(fixture, core.initiativeId);
  const sync = seedSync(fixture, core.initiativeId, core.partnerId, await joinSource());
  const summary = await seedSummary(fixture, meeting);
  const measures = seedMeasures(fixture, core.initiativeId, core.partnerId);
  const dataItems = seedDataItems(fixture, voice, measures);
  const room = await seedRoom(fixture, meeting);
  const readiness = seedReadiness(fixture, core.initiativeId, measures.indicatorId, core.secondPartnerId);
  return { core, voice, meeting, hardening, sync, summary, measures, dataItems, room, readiness };
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** A valid input for the partners, groups, relationships, map and initiative channels; null for others. */
export function coreValidInput(channel: Channel, ids: CoreIds): Record<string, unknown> | null {
  const { initiativeId, partnerId, secondPartnerId, groupId, relationshipId } = ids;
  switch (channel) {
    case 'app.info':
    case 'initiatives.list':
    case 'initiatives.createSample':
      return {};
    case 'initiatives.create':
      return { name: 'A new initiative' };
    case 'initiatives.get':
    case 'partners.list':
      return { initiativeId };
    case 'initiatives.update':
      return { initiativeId, patch: { name: 'Renamed' } };
    case 'partners.create':
      return { initiativeId, partner: { name: 'Westside Clinic' } };
    case 'partners.update':
      return { initiativeId, partnerId, patch: { name: 'Renamed partner' } };
    case 'partners.delete':
      return { initiativeId, partnerId };
    case 'partners.restore':
      return { initiativeId, partnerId: ids.deletedPartnerId };
    case 'partners.import.preview':
    case 'partners.import.commit':
      return {
        initiativeId,
        format: 'csv',
        fileName: 'partners.csv',
        contentBase64: base64('Name,Sector\nWestside Youth Council,community\n'),
      };
    case 'partners.export':
      return { initiativeId, format: 'csv' };
    case 'groups.list':
    case 'relationships.list':
    case 'map.positions':
    case 'map.resetLayout':
    case 'representation.report':
      return { initiativeId };
    case 'groups.create':
      return { initiativeId, group: { kind: 'steering_committee', name: 'Steering committee' } };
    case 'groups.update':
      return { initiativeId, groupId, patch: { purpose: 'Get every child ready for school' } };
    case 'groups.delete':
      return { initiativeId, groupId };
    case 'groups.restore':
      return { initiativeId, groupId: ids.deletedGroupId };
    case 'groups.setMember':
      return { initiativeId, groupId, partnerId: secondPartnerId, role: 'member' };
    case 'groups.removeMember':
      return { initiativeId, groupId, partnerId };
    case 'relationships.create':
      return { initiativeId, relationship: { fromId: secondPartnerId, toId: partnerId, kind: 'funds', strength: 3 } };
    case 'relationships.update':
      return { initiativeId, relationshipId, patch: { strength: 1, note: 'monthly referrals' } };
    case 'relationships.delete':
      return { initiativeId, relationshipId };
    case 'map.savePositions':
      return { initiativeId, positions: [{ nodeId: partnerId, x: 10.5, y: -20 }] };
    default:
      return null;
  }
}

/** A valid input for any channel. */
export function validInputFor(channel: Channel, ids: SeededIds): Record<string, unknown> {
  const core = coreValidInput(channel, ids.core);
  if (core) return core;
  if (isMeetingChannel(channel)) return meetingValidInput(channel, ids.meeting);
  if (isHardeningChannel(channel)) return hardeningValidInput(channel, ids.hardening);
  if (isSyncChannel(channel)) return syncValidInput(channel, ids.sync);
  if (isSummaryChannel(channel)) return summaryValidInput(channel, ids.summary);
  if (isVoiceChannel(channel)) return voiceValidInput(channel, ids.voice);
  if (isMeasuresChannel(channel)) return measuresValidInput(channel, ids.measures);
  if (isDataItemChannel(channel)) return dataItemValidInput(channel, ids.dataItems);
  if (isRoomChannel(channel)) return roomValidInput(channel, ids.room);
  if (isReadinessChannel(channel)) return readinessValidInput(channel, ids.readiness);
  throw new Error(`No valid input for ${channel}: add one to the cases file of its feature.`);
}
