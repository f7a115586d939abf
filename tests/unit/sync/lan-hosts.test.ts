import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanHubStatus } from '../../../src-main/contract/lan-hub';
import type { Partner } from '../../../src-main/contract/partners';
import type { SyncStatus } from '../../../src-main/contract/sync';
import { encodeLanCode } from '../../../src-main/sync/lan-code';
import { lanAddressesEnv } from '../../../src-main/sync/lan-hub';
import { makeTempDir } from '../../fixtures/temp-dir';
import { startHostFixture, type HostFixture } from '../host/host-fixture';
import { call, refusalOf as refusal } from './host-calls';
import { startHub, type HubProcess } from './hub-process';

/** A loopback port that nothing listens on (taken, then given back). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const passphrase = 'roundtable in the library basement';
const names = (partners: Partner[]) => partners.map((partner) => `${partner.name}|${partner.notes}`).sort();

/**
 * A roundtable with no internet, with real hosts (the app's HTTP transport over the real
 * handlers), each with its own data folder: the facilitator's laptop turns its LAN hub on through
 * the API, a second laptop joins with the code, and both converge. Later the facilitator's laptop
 * is also set to the team's internet hub (a real hub process) and bridges the room to the office.
 * The "LAN" here is loopback: tests send nothing anywhere else.
 */
describe('a roundtable hub hosted by one laptop', () => {
  let hubFolder: ReturnType<typeof makeTempDir>;
  let internetHub: HubProcess;
  let facilitator: HostFixture;
  let guest: HostFixture;
  let office: HostFixture;
  const before = process.env[lanAddressesEnv];

  beforeAll(async () => {
    process.env[lanAddressesEnv] = '127.0.0.1';
    hubFolder = makeTempDir('cg-lan-hosts-');
    internetHub = await startHub({ DATABASE_URL: '', HUB_DB: join(hubFolder.dir, 'hub.sqlite') });
    facilitator = await startHostFixture();
    guest = await startHostFixture();
    office = await startHostFixture();
  }, 30_000);
  afterAll(async () => {
    await facilitator.cleanup();
    await guest.cleanup();
    await office.cleanup();
    await internetHub.stop();
    hubFolder.cleanup();
    if (before === undefined) delete process.env[lanAddressesEnv];
    else process.env[lanAddressesEnv] = before;
  });

  it('carries edits both ways in the room, and through the facilitator to the internet hub', async () => {
    const { id: initiativeId } = await call<{ id: string }>(facilitator, 'initiatives.create', { name: 'Riverside' });
    await call(facilitator, 'partners.create', { initiativeId, partner: { name: 'Food Bank', notes: 'Pantry' } });
    // Other laptops get the initiative as a file before the meeting.
    const filePassphrase = 'file for the roundtable';
    const file = await call<{ contentBase64: string }>(facilitator, 'initiatives.exportFile', {
      initiativeId,
      passphrase: filePassphrase,
    });
    for (const laptop of [guest, office]) {
      await call(laptop, 'initiatives.importFile', {
        fileName: 'riverside.cground',
        contentBase64: file.contentBase64,
        passphrase: filePassphrase,
      });
    }

    // Off by default; no hub without the team passphrase.
    expect(await call<LanHubStatus>(facilitator, 'lanHub.status', {})).toEqual({
      running: false,
      port: null,
      endpoints: [],
    });
    expect((await refusal(facilitator, 'lanHub.start', { initiativeId })).message).toContain('team passphrase');
    expect((await call<LanHubStatus>(facilitator, 'lanHub.status', {})).running).toBe(false);

    // The facilitator has no internet hub: passphrase only, then the roundtable hub on.
    await call<SyncStatus>(facilitator, 'sync.configure', { initiativeId, hubUrl: '', passphrase });
    const on = await call<LanHubStatus>(facilitator, 'lanHub.start', { initiativeId });
    expect(on.running).toBe(true);
    expect(on.endpoints.map((endpoint) => endpoint.address)).toEqual(['127.0.0.1']);
    const { code } = on.endpoints[0];
    // Starting put the initiative into the hub at once.
    expect(await call<SyncStatus>(facilitator, 'sync.status', { initiativeId })).toMatchObject({
      state: 'ok',
      pendingChanges: 0,
    });

    // The guest mistypes, types another passphrase, or has a code for a hub that is off.
    const typo = `${code.slice(0, 3)}${code[3] === 'X' ? 'Y' : 'X'}${code.slice(4)}`;
    expect(await refusal(guest, 'sync.useLanHub', { initiativeId, code: typo, passphrase })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('typo'),
    });
    expect(
      await refusal(guest, 'sync.useLanHub', { initiativeId, code, passphrase: 'not the team passphrase' }),
    ).toMatchObject({ code: 'wrong_passphrase' });
    const offCode = encodeLanCode({ address: '127.0.0.1', port: await deadPort(), hubKey: '00112233445566ff' });
    expect(await refusal(guest, 'sync.useLanHub', { initiativeId, code: offCode, passphrase })).toMatchObject({
      code: 'sync_unreachable',
      message: expect.stringContaining('No hub answered at 127.0.0.1'),
    });
    // A code with the right address but another hub key (an old code): refused by the hub itself.
    const oldCode = encodeLanCode({ address: '127.0.0.1', port: on.port!, hubKey: '00112233445566ff' });
    expect(await refusal(guest, 'sync.useLanHub', { initiativeId, code: oldCode, passphrase })).toMatchObject({
      code: 'wrong_hub_code',
    });

    // Typed as people do: lower case, spaces.
    const joined = await call<SyncStatus>(guest, 'sync.useLanHub', {
      initiativeId,
      code: code.toLowerCase().replace(/-/g, ' '),
      passphrase,
    });
    expect(joined).toMatchObject({ configured: true, hubUrl: `http://127.0.0.1:${on.port}` });
    const hubKeyRows = () =>
      guest.library
        .open(initiativeId)
        .db.prepare("SELECT value FROM sync_state WHERE key = 'sync.hub_key'")
        .pluck()
        .all();
    expect(hubKeyRows()).toHaveLength(1);

    // Both edit during the meeting, then sync.
    await call(guest, 'partners.create', { initiativeId, partner: { name: 'Clinic', notes: 'Walk-in Tuesdays' } });
    const [foodBank] = await call<Partner[]>(facilitator, 'partners.list', { initiativeId });
    await call(facilitator, 'partners.update', {
      initiativeId,
      partnerId: foodBank.id,
      patch: { notes: 'Pantry, Saturdays' },
    });
    expect(await call<SyncStatus>(guest, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok', error: null });
    expect(await call<SyncStatus>(facilitator, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    expect(await call<SyncStatus>(guest, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    const inRoom = ['Clinic|Walk-in Tuesdays', 'Food Bank|Pantry, Saturdays'];
    expect(names(await call<Partner[]>(facilitator, 'partners.list', { initiativeId }))).toEqual(inRoom);
    expect(names(await call<Partner[]>(guest, 'partners.list', { initiativeId }))).toEqual(inRoom);

    // The facilitator's laptop also knows the internet hub: one sync bridges the room and the office.
    await call(facilitator, 'sync.configure', {
      initiativeId,
      hubUrl: internetHub.url,
      passphrase,
      enrolmentKey: internetHub.enrolmentKey,
    });
    await call(office, 'sync.configure', { initiativeId, hubUrl: internetHub.url, passphrase });
    await call(office, 'partners.create', { initiativeId, partner: { name: 'Library', notes: 'Meeting room' } });
    expect(await call<SyncStatus>(office, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    expect(await call<SyncStatus>(facilitator, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    expect(await call<SyncStatus>(guest, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    expect(await call<SyncStatus>(office, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    const everywhere = [...inRoom, 'Library|Meeting room'].sort();
    for (const laptop of [facilitator, guest, office]) {
      expect(names(await call<Partner[]>(laptop, 'partners.list', { initiativeId }))).toEqual(everywhere);
    }

    // The hub goes off: the guest is told plainly, and keeps what it has.
    expect(await call<LanHubStatus>(facilitator, 'lanHub.stop', {})).toMatchObject({ running: false });
    await call(guest, 'partners.create', { initiativeId, partner: { name: 'School' } });
    const offline = await call<SyncStatus>(guest, 'sync.now', { initiativeId });
    expect(offline).toMatchObject({ state: 'offline', error: { code: 'sync_unreachable' } });
    expect(offline.pendingChanges).toBeGreaterThan(0);
    // The facilitator still syncs with the internet hub alone.
    expect(await call<SyncStatus>(facilitator, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });

    // Back at the office, the guest saves the team's hub address again: the roundtable is forgotten.
    await call(guest, 'sync.configure', { initiativeId, hubUrl: internetHub.url, passphrase });
    expect(hubKeyRows()).toEqual([]);
    expect(await call<SyncStatus>(guest, 'sync.now', { initiativeId })).toMatchObject({
      state: 'ok',
      pendingChanges: 0,
    });
    expect(await call<SyncStatus>(facilitator, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    expect(names(await call<Partner[]>(facilitator, 'partners.list', { initiativeId }))).toContain('School|');

    // A laptop with nothing on it joins in the room from the code and the sync id alone.
    const newcomer = await startHostFixture();
    try {
      const again = await call<LanHubStatus>(facilitator, 'lanHub.start', { initiativeId });
      const roomCode = again.endpoints[0].code;
      const roomTypo = `${roomCode.slice(0, 3)}${roomCode[3] === 'X' ? 'Y' : 'X'}${roomCode.slice(4)}`;
      expect(
        await refusal(newcomer, 'initiatives.joinFromHub', { hubUrl: roomTypo, syncId: initiativeId, passphrase }),
      ).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('typo') });
      expect(
        await refusal(newcomer, 'initiatives.joinFromHub', {
          hubUrl: roomCode,
          syncId: initiativeId,
          passphrase: 'not the team passphrase',
        }),
      ).toMatchObject({ code: 'wrong_passphrase' });
      expect(await call<unknown[]>(newcomer, 'initiatives.list', {})).toEqual([]);
      const joinedInitiative = await call<{ id: string; name: string }>(newcomer, 'initiatives.joinFromHub', {
        hubUrl: roomCode.toLowerCase(),
        syncId: initiativeId,
        passphrase,
      });
      expect(joinedInitiative).toMatchObject({ id: initiativeId, name: 'Riverside' });
      expect(names(await call<Partner[]>(newcomer, 'partners.list', { initiativeId }))).toEqual(
        names(await call<Partner[]>(facilitator, 'partners.list', { initiativeId })),
      );
      // It syncs with the room hub from then on, both ways.
      await call(newcomer, 'partners.create', { initiativeId, partner: { name: 'Youth club' } });
      expect(await call<SyncStatus>(newcomer, 'sync.now', { initiativeId })).toMatchObject({
        state: 'ok',
        hubUrl: `http://127.0.0.1:${again.port}`,
      });
      expect(await call<SyncStatus>(facilitator, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
      expect(names(await call<Partner[]>(facilitator, 'partners.list', { initiativeId }))).toContain('Youth club|');

      // The internet goes: the facilitator's sync still serves the room, and says the team's hub
      // was out of reach, keeping its changes pending for it.
      await internetHub.stop();
      await call(facilitator, 'partners.create', { initiativeId, partner: { name: 'Tenants union' } });
      const roomOnly = await call<SyncStatus>(facilitator, 'sync.now', { initiativeId });
      expect(roomOnly).toMatchObject({ state: 'ok', error: { code: 'room_only' } });
      expect(roomOnly.pendingChanges).toBeGreaterThan(0);
      expect(await call<SyncStatus>(newcomer, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
      expect(names(await call<Partner[]>(newcomer, 'partners.list', { initiativeId }))).toContain('Tenants union|');
      await call(facilitator, 'lanHub.stop', {});
      // Without the room hub, the team's hub out of reach is plainly offline again.
      expect(await call<SyncStatus>(facilitator, 'sync.now', { initiativeId })).toMatchObject({ state: 'offline' });
    } finally {
      await newcomer.cleanup();
    }
  }, 120_000);
});
