import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, isWriteChannel, type Channel } from '../../../src-main/contract/channels';
import { exportFormats } from '../../../src-main/contract/exchange';
import type { ChannelOutput } from '../../../src-main/contract/channels';
import { createHandlers, dispatch } from '../../../src-main/features/handlers';
import { resourcesDir, type ContractFixture } from '../contract/contract-fixture';
import { postJson, startHostFixture, type HostFixture } from '../host/host-fixture';
import { seedVoice, type VoiceIds } from '../contract/voice-cases';
import { openSealedFile } from '../../../src-main/store/sealed-file';
import { readZip, writeZip } from '../../../src-main/features/exchange/zip';
import { lanAddressesEnv } from '../../../src-main/sync/lan-hub';

// Room mode started by the scan below listens on loopback only.
process.env[lanAddressesEnv] = '127.0.0.1';

/**
 * The consent canary. Unique strings are planted where they must never leave the focus group:
 * an internal-only note, the note of a participant who withdrew, a participant's real name, and the
 * pseudonym of a participant quoted anonymously. Then every read channel of the real host is called
 * and every export file is decoded, and none of them may contain a canary. Only the focus group's
 * own screens (listed below) may answer with them.
 */
const canary = {
  internal: `CANARY-INTERNAL-${randomUUID()}`,
  withdrawn: `CANARY-WITHDRAWN-${randomUUID()}`,
  realName: `CANARY-REALNAME-${randomUUID()}`,
  anonymousPseudonym: `Canarypseud${randomUUID().slice(0, 8)}`,
  storyInside: `CANARY-STORY-INSIDE-${randomUUID()}`,
};

/** Channels that are the focus group's own screen: the one place the planted text belongs. */
const ownScreen = new Set<Channel>(['voice.notes', 'voice.draft', 'participants.realName']);
/** The whole initiative as one file holds everything, so it leaves only sealed with a passphrase. */
const filePassphrase = 'canary file passphrase';
/**
 * A sync bundle is sealed for the team's own devices; it leaves out withdrawn notes' text and real
 * names (tests/unit/sync/protocol.test.ts) and cannot be read without the team key.
 */
const wholeCopies = new Set<Channel>(['sync.exportBundle']);
/**
 * A per-partner export's progress: counts and file paths, no content. The files it writes (and
 * summary.batchFile hands back as a zip) are built by the same code as summary.export below;
 * tests/unit/summary scans them for canaries too.
 */
const progressOnly = new Set<Channel>([
  'summary.batchStart',
  'summary.batchStatus',
  'summary.batchCancel',
  'summary.batchFile',
]);
/**
 * The roundtable hub's switch: it answers only addresses, a port and the code (no initiative data);
 * status and stop are scanned below, and start (which needs the team passphrase set) only differs in
 * turning the hub on.
 */
const lanHubSwitch = new Set<Channel>(['lanHub.start']);
/** Read channels whose inputs are built below rather than from the voice cases. */
const otherReads = (ids: VoiceIds): Partial<Record<Channel, unknown[]>> => ({
  'app.info': [{}],
  'lanHub.status': [{}],
  'lanHub.stop': [{}],
  'initiatives.list': [{}],
  'initiatives.get': [{ initiativeId: ids.initiativeId }],
  'backups.list': [{ initiativeId: ids.initiativeId }],
  'backups.create': [{ initiativeId: ids.initiativeId }],
  'initiatives.exportFile': [{ initiativeId: ids.initiativeId, passphrase: filePassphrase }],
  'partners.list': [{ initiativeId: ids.initiativeId }],
  'partners.import.preview': [],
  'partners.export': exportFormats.flatMap((format) => [
    { initiativeId: ids.initiativeId, format },
    { initiativeId: ids.initiativeId, format, includeContacts: true },
  ]),
  'groups.list': [{ initiativeId: ids.initiativeId }],
  'sessions.list': [{ initiativeId: ids.initiativeId, filter: {} }],
  'relationships.list': [{ initiativeId: ids.initiativeId }],
  'map.positions': [{ initiativeId: ids.initiativeId }],
  'representation.report': [{ initiativeId: ids.initiativeId }],
  'voice.search': [
    { initiativeId: ids.initiativeId, query: '' },
    { initiativeId: ids.initiativeId, query: 'canary' },
    { initiativeId: ids.initiativeId, query: 'CANARY INTERNAL' },
    { initiativeId: ids.initiativeId, consent: 'internal' },
    { initiativeId: ids.initiativeId, participantId: ids.participantId },
  ],
  'voice.exportCsv': [
    { initiativeId: ids.initiativeId },
    { initiativeId: ids.initiativeId, focusGroupId: ids.focusGroupId },
  ],
  'sessions.carriedNotes': [{ initiativeId: ids.initiativeId, sessionId: ids.roundtableId }],
  'participants.list': [{ initiativeId: ids.initiativeId, focusGroupId: ids.focusGroupId }],
  'themes.list': [{ initiativeId: ids.initiativeId }],
  'themes.report': [{ initiativeId: ids.initiativeId }],
  'themes.exportQdc': [{ initiativeId: ids.initiativeId }],
  'meeting.get': [{ initiativeId: ids.initiativeId, sessionId: ids.roundtableId }],
  'decisions.log': [{ initiativeId: ids.initiativeId, filter: {} }],
  'actions.list': [{ initiativeId: ids.initiativeId, filter: {} }],
  'sync.status': [{ initiativeId: ids.initiativeId }],
  'sync.now': [{ initiativeId: ids.initiativeId }],
  'conflicts.list': [{ initiativeId: ids.initiativeId }],
  'summary.preview': (['en', 'ar'] as const).map((language) => ({
    initiativeId: ids.initiativeId,
    sessionId: ids.roundtableId,
    language,
  })),
  'summary.export': (['html', 'md', 'docx', 'decisions-csv', 'actions-csv'] as const).map((format) => ({
    initiativeId: ids.initiativeId,
    sessionId: ids.roundtableId,
    format,
  })),
  // Readings are figures, never voice; scanned all the same, so a later link to voice notes is too.
  'measures.indicators.list': [{ initiativeId: ids.initiativeId }],
  'measures.dimensions.list': [{ initiativeId: ids.initiativeId }],
  'measures.settings.get': [{ initiativeId: ids.initiativeId }],
  'measures.readings.list': [],
  'measures.import.preview': [],
  'measures.export': [{ initiativeId: ids.initiativeId }, { initiativeId: ids.initiativeId, shared: false }],
  // Figures for the facilitator's own screen; no voice, and no indicator to chart in this fixture.
  'measures.scorecard': [{ initiativeId: ids.initiativeId }],
  'measures.charts': [],
  // A count of readings, no words; scanned like every read.
  'measures.dimensions.readingsAffected': [],
  // A data item linked the withdrawn and the anonymous notes before the withdrawal (seeded below).
  'dataItems.view': [{ initiativeId: ids.initiativeId, itemId: dataItem.itemId }],
  'dataItems.indicatorTrail': [{ initiativeId: ids.initiativeId, indicatorId: dataItem.indicatorId }],
  'dataItems.sources': [{ initiativeId: ids.initiativeId }],
  'dataItems.shareableNotes': ['', 'CANARY', 'confidence', 'withdrawing', 'bus'].map((query) => ({
    initiativeId: ids.initiativeId,
    query,
  })),
  // Room mode, in the order a meeting uses it: its answers carry the check-in names and the prompt only.
  'room.start': [{ initiativeId: ids.initiativeId, sessionId: ids.roundtableId }],
  'room.status': [{}],
  'room.open': [{ prompt: { kind: 'fist', question: 'Ready to decide?' } }],
  'room.close': [{}],
  'room.reveal': [{}],
  'room.stop': [{}],
  // A readiness round put on the phones carries the instrument's items only; no round is held in
  // this fixture, so it is listed without an input, like the round-level readiness reads below.
  'room.readiness.open': [],
  // Readiness: sheets carry a sector and lived experience, never a name or a voice note; the
  // evidence choices list decisions and sessions by title. Scanned all the same. No round is held in
  // this fixture, so the round-level reads are listed without an input.
  ...Object.fromEntries(
    (
      [
        'readiness.instruments.list',
        'readiness.rounds.list',
        'readiness.phases.get',
        'readiness.evidence.choices',
        'readiness.stories.list',
        'readiness.tables.list',
        'readiness.tables.report',
      ] as const
    ).map((channel) => [channel, [{ initiativeId: ids.initiativeId }]]),
  ),
  'readiness.reviews.get': [{ initiativeId: ids.initiativeId, sessionId: ids.roundtableId }],
  'readiness.sheets.list': [],
  'readiness.results': [],
  'readiness.report': [],
});
/** The data item and indicator the withdrawn and anonymous notes were linked to. */
const dataItem = { itemId: '', indicatorId: '' };

let fixture: HostFixture;
let ids: VoiceIds;

/** The handlers over the host's own library, for seeding synchronously; reads go over HTTP. */
function seeder(library: HostFixture['library']) {
  const handlers = createHandlers({ library, resourcesDir, version: '0.0.0-test', transport: 'host' });
  return {
    ok<C extends Channel>(channel: C, input: unknown): ChannelOutput<C> {
      const result = dispatch(handlers, channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as ChannelOutput<C>;
    },
  };
}

/**
 * A file as text. A zipped one (the summary's Word file, a Kumu workbook) is compressed, so its
 * bytes never show a planted word: each entry is unpacked with the app's own zip reader, and its
 * XML is read both as it is and with the tags taken out, so a word split over runs is found too.
 */
function fileText(bytes: Buffer): string {
  if (bytes.readUInt32LE(0) !== 0x04034b50) return bytes.toString('utf8');
  return [...readZip(bytes).values()]
    .map((read) => {
      const xml = new TextDecoder().decode(read());
      return `${xml}\n${xml.replace(/<[^>]*>/g, '')}`;
    })
    .join('\n');
}

/** A response as text, with any base64 file content decoded so the file itself is scanned. */
function readable(body: unknown): string {
  const json = JSON.stringify(body);
  const files = [...json.matchAll(/"contentBase64":"([A-Za-z0-9+/=]*)"/g)].map((match) =>
    fileText(Buffer.from(match[1], 'base64')),
  );
  return [json, ...files].join('\n');
}

beforeAll(async () => {
  fixture = await startHostFixture();
  const seed = seeder(fixture.library);
  const initiativeId = seed.ok('initiatives.create', { name: 'Canary' }).id;
  ids = seedVoice(seed as unknown as ContractFixture, initiativeId);
  const { focusGroupId } = ids;
  const note = (text: string, participantId: string | null, consent?: string) => {
    const draft = seed.ok('voice.saveDraft', { initiativeId, draft: { focusGroupId, participantId, text, consent } });
    return seed.ok('voice.capture', { initiativeId, noteId: draft.id });
  };
  // Internal only, by the note's own choice and by the participant's.
  note(`${canary.internal} said in confidence`, ids.participantId, 'internal');
  const quiet = seed.ok('participants.create', { initiativeId, participant: { focusGroupId, consent: 'internal' } });
  note(`${canary.internal} under an internal-only participant`, quiet.id);
  // A participant who withdrew, after their note was themed and carried to the table.
  const leaving = seed.ok('participants.create', { initiativeId, participant: { focusGroupId, consent: 'named' } });
  const gone = note(`${canary.withdrawn} before withdrawing`, leaving.id);
  seed.ok('voice.setThemes', { initiativeId, noteId: gone.id, themeIds: [ids.themeId] });
  seed.ok('voice.carry', { initiativeId, sessionId: ids.roundtableId, noteIds: [gone.id] });
  // A decision cited the note before the withdrawal; the citation must not carry its words.
  seed.ok('decisions.record', {
    initiativeId,
    decision: { sessionId: ids.roundtableId, text: 'Hold meetings earlier', method: 'consensus', noteIds: [gone.id] },
  });
  const indicatorId = seed.ok('measures.indicators.create', { initiativeId, indicator: { name: 'Readiness' } }).id;
  const itemId = seed.ok('agenda.add', {
    initiativeId,
    sessionId: ids.roundtableId,
    item: { title: 'Readiness data', indicatorId },
  }).id;
  Object.assign(dataItem, { itemId, indicatorId });
  seed.ok('dataItems.linkVoice', { initiativeId, itemId, noteId: gone.id, period: null });
  seed.ok('participants.withdraw', { initiativeId, participantId: leaving.id });
  // Cited at the data item while shareable, then made internal: the session summary's data item
  // (preview and exports above) must drop its words.
  const speaker = seed.ok('participants.create', { initiativeId, participant: { focusGroupId, consent: 'named' } });
  const retracted = note(`${canary.internal} cited at the table, then made internal`, speaker.id);
  seed.ok('dataItems.linkVoice', { initiativeId, itemId, noteId: retracted.id, period: null });
  seed.ok('voice.update', { initiativeId, noteId: retracted.id, patch: { consent: 'internal' } });
  // A real name, and a pseudonym that must not travel with an anonymous quote.
  seed.ok('participants.setRealName', { initiativeId, participantId: ids.participantId, realName: canary.realName });
  const shy = seed.ok('participants.create', {
    initiativeId,
    participant: { focusGroupId, consent: 'anonymous', pseudonym: canary.anonymousPseudonym },
  });
  const quoted = note('An anonymous quote about the bus', shy.id);
  seed.ok('voice.setThemes', { initiativeId, noteId: quoted.id, themeIds: [ids.themeId] });
  seed.ok('voice.carry', { initiativeId, sessionId: ids.roundtableId, noteIds: [quoted.id] });
  seed.ok('dataItems.linkVoice', { initiativeId, itemId, noteId: quoted.id, period: null });
  // A story of most significant change kept inside the backbone, told on the roundtable's day, so
  // the roundtable's summary would pick it up if consent were not applied.
  seed.ok('readiness.stories.add', {
    initiativeId,
    story: {
      title: 'Kept inside',
      story: `${canary.storyInside} told in confidence`,
      consent: 'internal',
      collectedOn: '2026-11-23',
    },
  });
}, 30_000);

afterAll(async () => {
  await fixture.cleanup();
});

/** Where the anonymous participant's pseudonym may legitimately appear: lists of participants. */
const pseudonymAllowed = new Set<Channel>(['participants.list']);
/** A story kept inside belongs on the backbone's own list of stories, and nowhere else. */
const storyAllowed = new Set<Channel>(['readiness.stories.list']);

describe('the consent canary', () => {
  it('every read channel is either scanned below or the focus group’s own screen', () => {
    const reads = channelNames.filter((channel) => !isWriteChannel(channel));
    const classified = new Set([
      ...Object.keys(otherReads(ids)),
      ...ownScreen,
      ...wholeCopies,
      ...progressOnly,
      ...lanHubSwitch,
    ]);
    expect(reads.filter((channel) => !classified.has(channel))).toEqual([]);
  });

  it('no host response or export file outside the focus group’s own screens carries a canary', async () => {
    const scanned: string[] = [];
    for (const [channel, inputs] of Object.entries(otherReads(ids)) as [Channel, unknown[]][]) {
      for (const input of inputs) {
        const { status, body } = await postJson(fixture.host, channel, input);
        expect(status, `${channel} ${JSON.stringify(input)}`).toBe(200);
        const text = readable(body);
        scanned.push(channel);
        for (const [name, planted] of Object.entries(canary)) {
          if (name === 'anonymousPseudonym' && pseudonymAllowed.has(channel)) continue;
          if (name === 'storyInside' && storyAllowed.has(channel)) continue;
          expect(text.includes(planted), `${channel} ${JSON.stringify(input)} leaked the ${name} canary`).toBe(false);
        }
      }
    }
    expect(new Set(scanned).size).toBeGreaterThan(15);
  });

  it('the same scan does find the canaries on the focus group’s own screens (so it can fail)', async () => {
    const own = async (channel: Channel, input: unknown) =>
      readable((await postJson(fixture.host, channel, input)).body);
    // The exported file does hold them: the seal is what keeps them out of reach.
    const exported = (await postJson(fixture.host, 'initiatives.exportFile', {
      initiativeId: ids.initiativeId,
      passphrase: filePassphrase,
    })) as { body: { ok: true; value: { contentBase64: string } } };
    const inside = await openSealedFile(Buffer.from(exported.body.value.contentBase64, 'base64'), filePassphrase);
    expect(inside.includes(Buffer.from(canary.internal))).toBe(true);
    expect(inside.includes(Buffer.from(canary.realName))).toBe(true);
    const notes = await own('voice.notes', { initiativeId: ids.initiativeId, focusGroupId: ids.focusGroupId });
    expect(notes).toContain(canary.internal);
    // Withdrawal erases the words, so they are gone from the group's own screen too (the sync
    // erasure tests, tests/unit/sync/withdrawal-erasure.test.ts, show the words were there before).
    expect(notes).not.toContain(canary.withdrawn);
    expect(notes).toContain(canary.anonymousPseudonym);
    const name = await own('participants.realName', {
      initiativeId: ids.initiativeId,
      participantId: ids.participantId,
    });
    expect(name).toContain(canary.realName);
    const scoped = await own('voice.search', {
      initiativeId: ids.initiativeId,
      focusGroupId: ids.focusGroupId,
      query: 'confidence',
    });
    expect(scoped).toContain(canary.internal);
    expect(await own('readiness.stories.list', { initiativeId: ids.initiativeId })).toContain(canary.storyInside);
  });

  it('reads inside a Word file, even a word split over two runs (so a DOCX cannot hide a canary)', () => {
    const [head, tail] = [canary.internal.slice(0, 12), canary.internal.slice(12)];
    const xml = `<w:document><w:p><w:r><w:t>${head}</w:t></w:r><w:r><w:t>${tail}</w:t></w:r></w:p></w:document>`;
    const docx = writeZip([{ name: 'word/document.xml', data: new TextEncoder().encode(xml) }]);
    const file = { contentBase64: Buffer.from(docx).toString('base64') };
    expect(Buffer.from(docx).toString('utf8')).not.toContain(head);
    expect(readable(file)).toContain(canary.internal);
  });
});
