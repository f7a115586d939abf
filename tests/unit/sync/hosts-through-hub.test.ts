import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Partner } from '../../../src-main/contract/partners';
import type { SyncStatus } from '../../../src-main/contract/sync';
import { makeTempDir } from '../../fixtures/temp-dir';
import { startHostFixture, type HostFixture } from '../host/host-fixture';
import { call, refusal } from './host-calls';
import { startHub, type HubProcess } from './hub-process';

const passphrase = 'tuesday roundtable lanterns';
const names = (partners: Partner[]) => partners.map((partner) => `${partner.name}|${partner.notes}`).sort();

/**
 * Two real hosts (the app's HTTP transport over the real handlers), each with its own data folder,
 * and a real hub process between them: what a facilitator does in Settings, end to end.
 */
describe('two hosts syncing through a hub process', () => {
  let hubFolder: ReturnType<typeof makeTempDir>;
  let hub: HubProcess;
  let laptop: HostFixture;
  let tablet: HostFixture;

  beforeAll(async () => {
    hubFolder = makeTempDir('cg-hub-hosts-');
    hub = await startHub({ DATABASE_URL: '', HUB_DB: join(hubFolder.dir, 'hub.sqlite') });
    laptop = await startHostFixture();
    tablet = await startHostFixture();
  }, 30_000);
  afterAll(async () => {
    await laptop.cleanup();
    await tablet.cleanup();
    await hub.stop();
    hubFolder.cleanup();
  });

  it('carries edits both ways, refuses another passphrase and reports offline plainly', async () => {
    const { id: initiativeId } = await call<{ id: string }>(laptop, 'initiatives.create', { name: 'Eastside' });
    await call(laptop, 'partners.create', { initiativeId, partner: { name: 'Food Bank', notes: 'Pantry' } });
    // The hub takes a new initiative only with the enrolment key its operator issued.
    const settings = { initiativeId, hubUrl: hub.url, passphrase };
    expect(await refusal(laptop, 'sync.configure', settings)).toBe('enrolment_key_needed');
    expect(
      await refusal(laptop, 'sync.configure', { ...settings, enrolmentKey: 'ABCDE-FGHJK-MNPQR-STVWX-YZ012' }),
    ).toBe('enrolment_key_wrong');
    expect(await call<SyncStatus>(laptop, 'sync.status', { initiativeId })).toMatchObject({ configured: false });
    const configured = await call<SyncStatus>(laptop, 'sync.configure', {
      ...settings,
      enrolmentKey: hub.enrolmentKey,
    });
    expect(configured).toMatchObject({ configured: true, state: 'never', hubUrl: hub.url });
    expect(configured.pendingChanges).toBeGreaterThan(0);
    const first = await call<SyncStatus>(laptop, 'sync.now', { initiativeId });
    expect(first).toMatchObject({ state: 'ok', pendingChanges: 0, error: null });

    // The tablet gets the initiative as a file (moving to a second computer), then only syncs.
    const filePassphrase = 'moving day passphrase';
    const file = await call<{ contentBase64: string }>(laptop, 'initiatives.exportFile', {
      initiativeId,
      passphrase: filePassphrase,
    });
    await call(tablet, 'initiatives.importFile', {
      fileName: 'eastside.cground',
      contentBase64: file.contentBase64,
      passphrase: filePassphrase,
    });
    await call(tablet, 'partners.create', { initiativeId, partner: { name: 'Clinic' } });
    const [foodBank] = await call<Partner[]>(laptop, 'partners.list', { initiativeId });
    await call(laptop, 'partners.update', {
      initiativeId,
      partnerId: foodBank.id,
      patch: { notes: 'Pantry, Saturdays' },
    });
    expect(await call<SyncStatus>(tablet, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    expect(await call<SyncStatus>(laptop, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    expect(await call<SyncStatus>(tablet, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    const onLaptop = names(await call<Partner[]>(laptop, 'partners.list', { initiativeId }));
    expect(onLaptop).toEqual(['Clinic|', 'Food Bank|Pantry, Saturdays']);
    expect(names(await call<Partner[]>(tablet, 'partners.list', { initiativeId }))).toEqual(onLaptop);

    // Someone types another passphrase: the hub refuses it and the settings stay as they were.
    expect(
      await refusal(tablet, 'sync.configure', { initiativeId, hubUrl: hub.url, passphrase: 'a different phrase' }),
    ).toBe('wrong_passphrase');
    expect(await call<SyncStatus>(tablet, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });

    // The hub goes away: sync says offline, and nothing is lost.
    await hub.stop();
    await call(tablet, 'partners.create', { initiativeId, partner: { name: 'School' } });
    const offline = await call<SyncStatus>(tablet, 'sync.now', { initiativeId });
    expect(offline).toMatchObject({ state: 'offline', error: { code: 'sync_unreachable' } });
    expect(offline.pendingChanges).toBeGreaterThan(0);
  }, 60_000);
});
