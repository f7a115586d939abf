import type { AddressInfo } from 'node:net';
import type { Channel } from '../../../src-main/contract/channels';
import { openSqliteHubStore } from '../../../src-main/hub/hub-store';
import { createHubServer } from '../../../src-main/hub/server';
import { encodeLanCode } from '../../../src-main/sync/lan-code';
import { lanAddressesEnv } from '../../../src-main/sync/lan-hub';
import type { SyncIds } from './sync-cases';
import { commonRefusals } from './voice-cases';

export type LanHubChannel = Extract<Channel, `lanHub.${string}` | 'sync.useLanHub'>;

export function isLanHubChannel(channel: Channel): channel is LanHubChannel {
  return channel.startsWith('lanHub.') || channel === 'sync.useLanHub';
}

// A roundtable hub started by these cases listens on loopback only: tests never bind or send elsewhere.
process.env[lanAddressesEnv] = '127.0.0.1';

/** A real hub with a hub key on loopback, for sync.useLanHub's valid input to reach. */
const hubKey = '0123456789abcdef';
const server = createHubServer({ store: openSqliteHubStore(':memory:'), hubKey });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
server.unref();
const code = encodeLanCode({ address: '127.0.0.1', port: (server.address() as AddressInfo).port, hubKey });

export function lanHubValidInput(channel: LanHubChannel, { initiativeId }: SyncIds): Record<string, unknown> {
  switch (channel) {
    case 'lanHub.status':
    case 'lanHub.stop':
      return {};
    case 'lanHub.start':
      return { initiativeId };
    case 'sync.useLanHub':
      return { initiativeId, code: code.toLowerCase(), passphrase: 'our long team passphrase' };
  }
}

export function lanHubBadInputs(channel: LanHubChannel, valid: Record<string, unknown>): [string, unknown][] {
  const cases: Partial<Record<LanHubChannel, [string, unknown][]>> = {
    'sync.useLanHub': [
      ['code missing', { ...valid, code: undefined }],
      ['code empty', { ...valid, code: '   ' }],
      ['code far too long', { ...valid, code: 'A'.repeat(65) }],
      ['code a number', { ...valid, code: 1234 }],
      ['passphrase too short', { ...valid, passphrase: 'short' }],
    ],
    'lanHub.status': [['an initiative it does not take', { initiativeId: '0190b2a4-0000-7000-8000-000000000000' }]],
  };
  return [...commonRefusals(valid), ...(cases[channel] ?? [])];
}
