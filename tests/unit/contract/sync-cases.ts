import type { Channel } from '../../../src-main/contract/channels';
import { syncKeyFromBytes } from '../../../src-main/sync/crypto';
import type { ContractFixture } from './contract-fixture';
import type { JoinSource } from './join-source';
import { commonRefusals } from './voice-cases';
import { isLanHubChannel, lanHubBadInputs, lanHubValidInput } from './lan-hub-cases';

/** The channels of sync: settings and status, bundle files, conflict copies, joining from a hub, the roundtable hub. */
export type SyncChannel = Extract<
  Channel,
  `sync.${string}` | `conflicts.${string}` | `lanHub.${string}` | 'initiatives.joinFromHub'
>;

export function isSyncChannel(channel: Channel): channel is SyncChannel {
  return (
    channel.startsWith('sync.') ||
    channel.startsWith('conflicts.') ||
    channel.startsWith('lanHub.') ||
    channel === 'initiatives.joinFromHub'
  );
}

export interface SyncIds {
  initiativeId: string;
  bundleBase64: string;
  conflictId: string;
  /** An initiative on a real hub that this fixture's data folder does not hold yet. */
  joinable: JoinSource;
}

/**
 * A team key set without scrypt (sync.configure's own case pays for scrypt once), a bundle made by
 * this device, and a conflict copy: a note from another device that lost to the partner's notes.
 */
export function seedSync(
  fixture: ContractFixture,
  initiativeId: string,
  partnerId: string,
  joinable: JoinSource,
): SyncIds {
  const store = fixture.library.open(initiativeId);
  const key = syncKeyFromBytes(initiativeId, Buffer.alloc(32, 5));
  store.db.prepare("INSERT INTO sync_state (key, value) VALUES ('sync.key', ?)").run(key.key.toString('base64'));
  fixture.ok('partners.update', { initiativeId, partnerId, patch: { notes: 'Open on Saturdays' } });
  const conflictId = '2026-01-05T10:00:00.000Z-0000-00000000000000cc';
  store.writePath.receive([
    {
      timestamp: conflictId,
      table: 'partners',
      row: partnerId,
      column: 'notes',
      value: 'Closed in August',
      base: null,
    },
  ]);
  const bundle = fixture.ok('sync.exportBundle', { initiativeId, everything: true });
  return { initiativeId, bundleBase64: bundle.contentBase64, conflictId, joinable };
}

export function syncValidInput(channel: SyncChannel, ids: SyncIds): Record<string, unknown> {
  const { initiativeId } = ids;
  if (isLanHubChannel(channel)) return lanHubValidInput(channel, ids);
  switch (channel) {
    case 'sync.status':
    case 'sync.now':
    case 'conflicts.list':
      return { initiativeId };
    case 'sync.configure':
      return { initiativeId, hubUrl: '', passphrase: 'our long team passphrase' };
    case 'sync.exportBundle':
      return { initiativeId, everything: false };
    case 'sync.importBundle':
      return { initiativeId, contentBase64: ids.bundleBase64 };
    case 'conflicts.dismiss':
      return { initiativeId, conflictId: ids.conflictId };
    case 'initiatives.joinFromHub':
      return { ...ids.joinable };
  }
}

export function syncBadInputs(channel: SyncChannel, ids: SyncIds): [string, unknown][] {
  const valid = syncValidInput(channel, ids);
  const cases: Partial<Record<SyncChannel, [string, unknown][]>> = {
    'sync.configure': [
      ['passphrase too short', { ...valid, passphrase: 'short' }],
      ['passphrase missing', { initiativeId: ids.initiativeId, hubUrl: '' }],
      ['hub address not a web address', { ...valid, hubUrl: 'hub.example.org' }],
      ['hub address another scheme', { ...valid, hubUrl: 'file:///etc/passwd' }],
      ['enrolment key with other characters', { ...valid, enrolmentKey: "ABCDE'; DROP TABLE x" }],
      ['enrolment key too long', { ...valid, enrolmentKey: 'A'.repeat(61) }],
      ['enrolment key a number', { ...valid, enrolmentKey: 12345 }],
    ],
    'sync.exportBundle': [['everything not a flag', { ...valid, everything: 'yes' }]],
    'sync.importBundle': [
      ['content empty', { ...valid, contentBase64: '' }],
      ['content a number', { ...valid, contentBase64: 5 }],
    ],
    'initiatives.joinFromHub': [
      ['hub address missing', { ...valid, hubUrl: undefined }],
      ['hub address empty', { ...valid, hubUrl: '' }],
      ['hub address not a web address', { ...valid, hubUrl: 'hub.example.org' }],
      ['hub address another scheme', { ...valid, hubUrl: 'file:///etc/passwd' }],
      ['sync id a name', { ...valid, syncId: 'westside-youth-table' }],
      ['passphrase too short', { ...valid, passphrase: 'short' }],
      ['passphrase missing', { ...valid, passphrase: undefined }],
      ['passphrase a number', { ...valid, passphrase: 1234567890123 }],
      ['hub key empty', { ...valid, hubKey: '  ' }],
      ['hub key a number', { ...valid, hubKey: 5 }],
      ['hub key too long', { ...valid, hubKey: 'k'.repeat(201) }],
    ],
    'conflicts.dismiss': [
      ['conflict id a path', { ...valid, conflictId: '../../x' }],
      ['conflict id missing', { initiativeId: ids.initiativeId }],
    ],
  };
  if (isLanHubChannel(channel)) return lanHubBadInputs(channel, valid);
  return [...commonRefusals(valid), ...(cases[channel] ?? [])];
}
