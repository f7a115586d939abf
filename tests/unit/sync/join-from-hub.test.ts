import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Initiative, InitiativeListEntry } from '../../../src-main/contract/models';
import type { Group, Partner } from '../../../src-main/contract/partners';
import type { SyncStatus } from '../../../src-main/contract/sync';
import { deriveSyncKey } from '../../../src-main/sync/crypto';
import { HubPeer } from '../../../src-main/sync/hub-client';
import { makeTempDir } from '../../fixtures/temp-dir';
import { postJson, startHostFixture, type HostFixture } from '../host/host-fixture';
import { call, refusal, refusalOf } from './host-calls';
import { startHub, type HubProcess } from './hub-process';

const passphrase = 'thursday library basement';
const names = (partners: Partner[]) => partners.map((partner) => `${partner.name}|${partner.notes}`).sort();
/** The node id at the end of a change message's timestamp: which device wrote it. */
const writerOf = (timestamp: string) => timestamp.slice(-16);

/** Initiative files in a host's data folder, with their -wal and -shm companions. */
function initiativeFiles(fixture: HostFixture): string[] {
  return readdirSync(join(fixture.dataDir, 'initiatives')).filter((name) => name.includes('.sqlite'));
}

/**
 * A second laptop joins an initiative with only the hub address, the sync id and the team
 * passphrase: a real hub process and two real hosts, each with its own data folder.
 */
describe('joining an initiative from the hub alone', () => {
  let hubFolder: ReturnType<typeof makeTempDir>;
  let hub: HubProcess;
  let laptop: HostFixture;
  let tablet: HostFixture;
  let initiativeId: string;

  beforeAll(async () => {
    hubFolder = makeTempDir('cg-hub-join-');
    hub = await startHub({ DATABASE_URL: '', HUB_DB: join(hubFolder.dir, 'hub.sqlite') });
    laptop = await startHostFixture();
    tablet = await startHostFixture();
    ({ id: initiativeId } = await call<Initiative>(laptop, 'initiatives.create', {
      name: 'Riverside Health Table',
      vision: 'Every family near a clinic',
    }));
    const clinic = await call<Partner>(laptop, 'partners.create', {
      initiativeId,
      partner: { name: 'Riverside Clinic', notes: 'Open late on Thursdays' },
    });
    await call(laptop, 'partners.create', { initiativeId, partner: { name: 'Tenants Union' } });
    const group = await call<Group>(laptop, 'groups.create', {
      initiativeId,
      group: { kind: 'working_group', name: 'Access to care' },
    });
    await call(laptop, 'groups.setMember', { initiativeId, groupId: group.id, partnerId: clinic.id, role: 'co_chair' });
    await call(laptop, 'sync.configure', { initiativeId, hubUrl: hub.url, passphrase, enrolmentKey: hub.enrolmentKey });
    expect(await call<SyncStatus>(laptop, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
  }, 60_000);

  afterAll(async () => {
    await laptop.cleanup();
    await tablet.cleanup();
    await hub.stop();
    hubFolder.cleanup();
  });

  it('refuses a wrong passphrase, an unknown sync id, an empty one and an unreachable hub, leaving no file', async () => {
    const join = (input: Record<string, unknown>) =>
      refusalOf(tablet, 'initiatives.joinFromHub', { hubUrl: hub.url, syncId: initiativeId, passphrase, ...input });

    expect((await join({ passphrase: 'not what the team typed' })).code).toBe('wrong_passphrase');
    const unknown = await join({ syncId: randomUUID() });
    expect(unknown.code).toBe('not_found');
    expect(unknown.message).toMatch(/no initiative with that sync id/);
    expect((await join({ hubUrl: 'http://127.0.0.1:9' })).code).toBe('sync_unreachable');

    // Registered on the hub with the right passphrase, but nothing was ever synced there: the file
    // made for the join is removed again.
    const emptyId = randomUUID();
    await new HubPeer(hub.url, await deriveSyncKey(emptyId, passphrase)).register(hub.enrolmentKey);
    const empty = await join({ syncId: emptyId });
    expect(empty.code).toBe('not_found');
    expect(empty.message).toMatch(/nothing for that initiative yet/);

    expect(initiativeFiles(tablet)).toEqual([]);
    expect(await call<InitiativeListEntry[]>(tablet, 'initiatives.list', {})).toEqual([]);
  }, 60_000);

  it('brings the whole initiative, written by the first laptop only, and syncs both ways after', async () => {
    const joined = await call<Initiative>(tablet, 'initiatives.joinFromHub', {
      hubUrl: hub.url,
      syncId: initiativeId.toUpperCase(),
      passphrase,
      hubKey: 'a-key-for-a-local-hub',
    });
    expect(joined).toEqual(await call<Initiative>(laptop, 'initiatives.get', { initiativeId }));
    expect(await call<InitiativeListEntry[]>(tablet, 'initiatives.list', {})).toEqual([
      { status: 'ok', id: initiativeId, name: 'Riverside Health Table', phase: 'assess_readiness' },
    ]);
    expect(names(await call<Partner[]>(tablet, 'partners.list', { initiativeId }))).toEqual(
      names(await call<Partner[]>(laptop, 'partners.list', { initiativeId })),
    );
    const [group] = await call<Group[]>(tablet, 'groups.list', { initiativeId });
    expect(group).toMatchObject({ name: 'Access to care' });
    expect(group.members).toHaveLength(1);

    // Nothing on the tablet was written by the tablet: every message came from the laptop, so no
    // placeholder of the tablet's can win last-writer-wins over the real record.
    const tabletDb = tablet.library.open(initiativeId).db;
    const writers = tabletDb.prepare('SELECT DISTINCT timestamp FROM change_log').pluck().all() as string[];
    expect(new Set(writers.map(writerOf))).toEqual(new Set([laptop.library.node]));
    const settings = Object.fromEntries(
      tabletDb
        .prepare("SELECT key, value FROM sync_state WHERE key LIKE 'sync.%'")
        .all()
        .map((row) => {
          const { key, value } = row as { key: string; value: string };
          return [key, value];
        }),
    );
    expect(settings).toMatchObject({ 'sync.hub_url': hub.url, 'sync.hub_key': 'a-key-for-a-local-hub' });
    expect(settings['sync.joining']).toBeUndefined();
    expect(await call<SyncStatus>(tablet, 'sync.status', { initiativeId })).toMatchObject({
      configured: true,
      hubUrl: hub.url,
      state: 'ok',
      pendingChanges: 0,
      syncing: false,
      progress: null,
    });

    // Joining again is refused: it is here now.
    expect(
      await refusal(tablet, 'initiatives.joinFromHub', { hubUrl: hub.url, syncId: initiativeId, passphrase }),
    ).toBe('invalid_input');

    // Edits on each side, then sync: both converge.
    const onTablet = await call<Partner[]>(tablet, 'partners.list', { initiativeId });
    const clinic = onTablet.find((partner) => partner.name === 'Riverside Clinic')!;
    await call(tablet, 'partners.update', {
      initiativeId,
      partnerId: clinic.id,
      patch: { notes: 'Open late, bring ID' },
    });
    await call(tablet, 'partners.create', { initiativeId, partner: { name: 'Youth Soccer League' } });
    await call(laptop, 'initiatives.update', { initiativeId, patch: { phase: 'initiate_action' } });
    await call(laptop, 'partners.create', { initiativeId, partner: { name: 'Food Pantry' } });
    for (const device of [tablet, laptop, tablet]) {
      expect(await call<SyncStatus>(device, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    }
    const expected = ['Food Pantry|', 'Riverside Clinic|Open late, bring ID', 'Tenants Union|', 'Youth Soccer League|'];
    expect(names(await call<Partner[]>(laptop, 'partners.list', { initiativeId }))).toEqual(expected);
    expect(names(await call<Partner[]>(tablet, 'partners.list', { initiativeId }))).toEqual(expected);
    expect((await call<Initiative>(tablet, 'initiatives.get', { initiativeId })).phase).toBe('initiate_action');
    expect(
      laptop.library.open(initiativeId).db.prepare('SELECT node, hash FROM merkle ORDER BY node').all(),
    ).toEqual(tabletDb.prepare('SELECT node, hash FROM merkle ORDER BY node').all());
  }, 60_000);

  it('a join cut short (the app closed during it) is not listed, and joining again starts over, once', async () => {
    const desk = await startHostFixture();
    try {
      // What a join leaves when the app is closed halfway: a marked file without its record.
      desk.library.createJoining(initiativeId);
      expect(initiativeFiles(desk)).toContain(`${initiativeId}.sqlite`);
      expect(await call<InitiativeListEntry[]>(desk, 'initiatives.list', {})).toEqual([]);
      // Two joins at once (a double click): one goes ahead, the other is refused.
      const input = { hubUrl: hub.url, syncId: initiativeId, passphrase };
      const both = await Promise.all([
        postJson(desk.host, 'initiatives.joinFromHub', input),
        postJson(desk.host, 'initiatives.joinFromHub', input),
      ]);
      const outcomes = both.map(({ body }) => body as { ok: boolean; value?: Initiative; error?: { code: string } });
      expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error?.code)).sort()).toEqual([
        'invalid_input',
        'ok',
      ]);
      const joined = outcomes.find((outcome) => outcome.ok)!.value!;
      expect(joined.name).toBe('Riverside Health Table');
      expect((await call<InitiativeListEntry[]>(desk, 'initiatives.list', {})).map((entry) => entry.id)).toEqual([
        initiativeId,
      ]);
    } finally {
      await desk.cleanup();
    }
  }, 60_000);
});
