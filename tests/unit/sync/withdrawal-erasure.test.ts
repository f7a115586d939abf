import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Initiative } from '../../../src-main/contract/models';
import type { Group } from '../../../src-main/contract/partners';
import type { SyncStatus } from '../../../src-main/contract/sync';
import type { Participant, VoiceNote } from '../../../src-main/contract/voice';
import { openDatabase } from '../../../src-main/store/connection';
import { deriveSyncKey, open, type SyncKey } from '../../../src-main/sync/crypto';
import { HubPeer } from '../../../src-main/sync/hub-client';
import { makeTempDir } from '../../fixtures/temp-dir';
import { startHostFixture, type HostFixture } from '../host/host-fixture';
import { call } from './host-calls';
import { startHub, type HubProcess } from './hub-process';
import { syncedState } from './replica-fixture';

const passphrase = 'thursday library basement';
const words = `CANARY-ERASED-${randomUUID()}`;
const kept = `still-here-${randomUUID()}`;

/** Every message the hub holds for the initiative, opened with the team's key. */
async function hubPlaintext(hubUrl: string, key: SyncKey): Promise<string> {
  const peer = new HubPeer(hubUrl, key);
  const opened: unknown[] = [];
  let after = '';
  for (;;) {
    const page = await peer.pull(after, 5000);
    opened.push(...page.messages.map((message) => open(key, message)));
    if (!page.more || page.messages.length === 0) break;
    after = page.messages[page.messages.length - 1].timestamp;
  }
  return JSON.stringify(opened);
}

/** The initiative's rows, change log and conflict copies on a laptop, read from its file. */
function laptopContents(fixture: HostFixture, initiativeId: string): string {
  const db = openDatabase(join(fixture.dataDir, 'initiatives', `${initiativeId}.sqlite`));
  try {
    return JSON.stringify(syncedState(db));
  } finally {
    db.close();
  }
}

/**
 * A participant withdraws (or a note is deleted) after the words were synced: a real hub process and three real hosts.
 * The words must be gone from the hub (opened with the team's key), from a laptop that joins
 * afterwards, and from a laptop that had them and was offline during the withdrawal.
 */
describe('withdrawal erases the words everywhere sync reaches', () => {
  let hubFolder: ReturnType<typeof makeTempDir>;
  let hub: HubProcess;
  let leader: HostFixture;
  let offline: HostFixture;
  let newcomer: HostFixture;
  let initiativeId: string;
  let key: SyncKey;
  let person: Participant;
  let note: VoiceNote;

  beforeAll(async () => {
    hubFolder = makeTempDir('cg-hub-erase-');
    hub = await startHub({ DATABASE_URL: '', HUB_DB: join(hubFolder.dir, 'hub.sqlite') });
    [leader, offline, newcomer] = await Promise.all([startHostFixture(), startHostFixture(), startHostFixture()]);
    ({ id: initiativeId } = await call<Initiative>(leader, 'initiatives.create', { name: 'Eastside Families' }));
    key = await deriveSyncKey(initiativeId, passphrase);
    const group = await call<Group>(leader, 'groups.create', {
      initiativeId,
      group: { kind: 'focus_group', name: 'Parents' },
    });
    person = await call<Participant>(leader, 'participants.create', {
      initiativeId,
      participant: { focusGroupId: group.id, consent: 'anonymous' },
    });
    const other = await call<Participant>(leader, 'participants.create', {
      initiativeId,
      participant: { focusGroupId: group.id, consent: 'anonymous' },
    });
    const capture = async (text: string, participantId: string) => {
      const draft = await call<{ id: string }>(leader, 'voice.saveDraft', {
        initiativeId,
        draft: { focusGroupId: group.id, participantId, text: `${text} (first take)` },
      });
      // A second version of the words, so the log holds older versions to erase too.
      await call(leader, 'voice.saveDraft', {
        initiativeId,
        draft: { focusGroupId: group.id, noteId: draft.id, participantId, text },
      });
      return call<VoiceNote>(leader, 'voice.capture', { initiativeId, noteId: draft.id });
    };
    note = await capture(words, person.id);
    await capture(kept, other.id);
    await call(leader, 'sync.configure', { initiativeId, hubUrl: hub.url, passphrase, enrolmentKey: hub.enrolmentKey });
    expect(await call<SyncStatus>(leader, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    await call(offline, 'initiatives.joinFromHub', { hubUrl: hub.url, syncId: initiativeId, passphrase });
    // Before the withdrawal, the words are where the test will look for them: it can fail.
    expect(await hubPlaintext(hub.url, key)).toContain(words);
    expect(laptopContents(offline, initiativeId)).toContain(words);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([leader, offline, newcomer].map((fixture) => fixture.cleanup()));
    await hub.stop();
    hubFolder.cleanup();
  });

  it('leaves no trace on the withdrawing laptop, the hub, or a laptop that joins afterwards', async () => {
    const withdrawn = await call<Participant>(leader, 'participants.withdraw', {
      initiativeId,
      participantId: person.id,
    });
    expect(withdrawn.withdrawn).toBe(true);
    const mine = laptopContents(leader, initiativeId);
    expect(mine).not.toContain(words);
    expect(mine).toContain(kept);

    const before = await new HubPeer(hub.url, key).merkle();
    expect(await call<SyncStatus>(leader, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    const plaintext = await hubPlaintext(hub.url, key);
    expect(plaintext).not.toContain(words);
    expect(plaintext).toContain(kept);
    // Blanked in place: the hub's trie changed only by the withdrawal's own new messages, and the
    // leader and the hub still agree on it.
    const after = await new HubPeer(hub.url, key).merkle();
    expect(after['']).not.toBe(before['']);
    expect((await call<SyncStatus>(leader, 'sync.now', { initiativeId })).pendingChanges).toBe(0);

    await call(newcomer, 'initiatives.joinFromHub', { hubUrl: hub.url, syncId: initiativeId, passphrase });
    const joined = laptopContents(newcomer, initiativeId);
    expect(joined).not.toContain(words);
    expect(joined).toContain(kept);
    const notes = await call<VoiceNote[]>(newcomer, 'voice.notes', { initiativeId, focusGroupId: note.focusGroupId });
    expect(notes.find((one) => one.id === note.id)).toMatchObject({ withdrawn: true, text: '' });
  }, 120_000);

  it('a laptop that had the words and was offline erases them at its next sync, and the hub stays clean', async () => {
    expect(laptopContents(offline, initiativeId)).toContain(words);
    expect(await call<SyncStatus>(offline, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    const contents = laptopContents(offline, initiativeId);
    expect(contents).not.toContain(words);
    expect(contents).toContain(kept);
    expect(await hubPlaintext(hub.url, key)).not.toContain(words);
    // All three hold the same log, so they stay in sync with nothing left to send.
    const state = (fixture: HostFixture) => laptopContents(fixture, initiativeId);
    expect(state(offline)).toBe(state(leader));
    expect(state(newcomer)).toBe(state(leader));
  }, 120_000);

  it('deleting a note erases its words on the hub and on the other laptops too', async () => {
    const deleted = `CANARY-DELETED-${randomUUID()}`;
    const draft = await call<{ id: string }>(leader, 'voice.saveDraft', {
      initiativeId,
      draft: { focusGroupId: note.focusGroupId, participantId: null, text: deleted },
    });
    await call(leader, 'voice.capture', { initiativeId, noteId: draft.id });
    await call(leader, 'sync.now', { initiativeId });
    await call(offline, 'sync.now', { initiativeId });
    expect(laptopContents(offline, initiativeId)).toContain(deleted);
    expect(await hubPlaintext(hub.url, key)).toContain(deleted);

    await call(leader, 'voice.delete', { initiativeId, noteId: draft.id });
    expect(laptopContents(leader, initiativeId)).not.toContain(deleted);
    expect(await call<SyncStatus>(leader, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    expect(await hubPlaintext(hub.url, key)).not.toContain(deleted);
    await call(offline, 'sync.now', { initiativeId });
    expect(laptopContents(offline, initiativeId)).not.toContain(deleted);
  }, 120_000);
});
