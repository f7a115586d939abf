import type { Channel } from '../../../src-main/contract/channels';
import { syncKeyFromBytes } from '../../../src-main/sync/crypto';
import type { ContractFixture } from './contract-fixture';
import { commonRefusals } from './voice-cases';
import { isLanHubChannel, lanHubBadInputs, lanHubValidInput } from './lan-hub-cases';

/** The channels of sync: settings and status, bundle files, conflict copies, the roundtable hub. */
export type SyncChannel = Extract<Channel, `sync.${string}` | `conflicts.${string}` | `lanHub.${string}`>;

export function isSyncChannel(channel: Channel): channel is SyncChannel {
  return channel.startsWith('sync.') || channel.startsWith('conflicts.') || channel.startsWith('lanHub.');
}

export interface SyncIds {
  initiativeId: string;
  bundleBase64: string;
  conflictId: string;
}

/**
 * A team key set without scrypt (sync.configure's own case pays for scrypt once), a bundle made by
 * this device, and a conflict copy: a note from another device that lost to the partner's notes.
 */
export function seedSync(fixture: ContractFixture, initiativeId: string, partnerId: string): SyncIds {
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
  return { initiativeId, bundleBase64: bundle.contentBase64, conflictId };
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
    ],
    'sync.exportBundle': [['everything not a flag', { ...valid, everything: 'yes' }]],
    'sync.importBundle': [
      ['content empty', { ...valid, contentBase64: '' }],
      ['content a number', { ...valid, contentBase64: 5 }],
    ],
    'conflicts.dismiss': [
      ['conflict id a path', { ...valid, conflictId: '../../x' }],
      ['conflict id missing', { initiativeId: ids.initiativeId }],
    ],
  };
  if (isLanHubChannel(channel)) return lanHubBadInputs(channel, valid);
  return [...commonRefusals(valid), ...(cases[channel] ?? [])];
}
