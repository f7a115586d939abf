import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openSqliteHubStore } from '../../../src-main/hub/hub-store';
import { issueEnrolmentKey } from '../../../src-main/hub/enrolment';
import { createHubServer } from '../../../src-main/hub/server';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { SyncService } from '../../../src-main/sync/sync-service';
import { makeTempDir } from '../../fixtures/temp-dir';

/** What initiatives.joinFromHub needs to succeed: a hub, and an initiative another computer synced there. */
export interface JoinSource {
  hubUrl: string;
  syncId: string;
  passphrase: string;
}

let shared: Promise<JoinSource> | undefined;

/**
 * One real hub server in this test process (the same server `npm run hub` runs) holding one
 * initiative, synced there by a second library playing the first laptop. Made once per test file:
 * every contract fixture's data folder can join it, since each folder starts without it.
 */
export function joinSource(): Promise<JoinSource> {
  shared ??= (async () => {
    const temp = makeTempDir('cg-contract-hub-');
    process.once('exit', () => temp.cleanup());
    const store = openSqliteHubStore(join(temp.dir, 'hub.sqlite'));
    const server = createHubServer({ store, requestsPerMinute: 1_000_000 });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    server.unref();
    const hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const firstLaptop = new InitiativeLibrary(join(temp.dir, 'first-laptop'), {
      node: '00000000000000bb',
      backups: false,
    });
    const { id } = firstLaptop.create({
      name: 'Westside Youth Table',
      problemStatement: '',
      vision: '',
      populationGoal: '',
      phase: 'assess_readiness',
      defaultLocale: 'en',
    });
    const passphrase = 'westside youth lanterns';
    const sync = new SyncService(firstLaptop);
    const enrolmentKey = await issueEnrolmentKey(store, { label: 'contract', initiatives: 1, quotaBytes: null });
    await sync.configure(id, hubUrl, passphrase, null, enrolmentKey);
    const status = await sync.syncNow(id);
    if (status.state !== 'ok') throw new Error(`the first laptop did not sync: ${JSON.stringify(status.error)}`);
    return { hubUrl, syncId: id, passphrase };
  })();
  return shared;
}
