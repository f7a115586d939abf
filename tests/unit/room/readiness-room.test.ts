import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { knownSectors } from '../../../src-main/contract/models';
import { RoomStatus } from '../../../src-main/contract/room';
import { phoneSheetId } from '../../../src-main/features/room/readiness';
import { loadPhoneFiles } from '../../../src-main/room/phone-files';
import { maxRoundItems } from '../../../src-main/room/readiness-answers';
import { maxRoomBodyBytes } from '../../../src-main/room/room-server';
import { readinessCheckId, selfAssessmentId } from '../../../src-main/store/readiness-builtins';
import { lanAddressesEnv } from '../../../src-main/sync/lan-hub';
import { openContractFixture, resourcesDir, type ContractFixture } from '../contract/contract-fixture';

// Room mode in these tests listens on loopback only.
process.env[lanAddressesEnv] = '127.0.0.1';

let fixture: ContractFixture;
let initiativeId: string;
let sessionId: string;
let status: RoomStatus;

beforeEach(async () => {
  fixture = openContractFixture();
  initiativeId = fixture.ok('initiatives.create', { name: 'Eastside Cradle to Career' }).id;
  sessionId = fixture.ok('sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'March roundtable', startsAt: '2026-03-10T18:00' },
  }).id;
  const started = await fixture.callAsync('room.start', { initiativeId, sessionId });
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  status = RoomStatus.parse(started.value);
});

afterEach(() => {
  fixture.call('room.stop', {});
  fixture.close();
});

const round = (instrumentId: string, title = 'Spring check') =>
  fixture.ok('readiness.rounds.create', { initiativeId, round: { instrumentId, title, heldOn: '2026-03-10' } });
const instrument = (id: string) =>
  fixture.ok('readiness.instruments.list', { initiativeId }).find((entry) => entry.id === id)!;
const itemIds = (id: string) => instrument(id).sections.flatMap((section) => section.items.map((item) => item.id));

/** What a phone does over the room's network: read the question in its language, send an answer. */
function phone(name: string) {
  const phoneId = `phone-${name}-0123456789abcdef`.slice(0, 32);
  const base = new URL(status.endpoints[0].url);
  const headers = { 'Content-Type': 'application/json', 'X-Room-Code': status.code ?? '' };
  let sent = 0;
  return {
    phoneId,
    async state(lang = 'en') {
      const reply = await fetch(new URL(`/r/state?phone=${phoneId}&lang=${lang}`, base), { headers });
      return (await reply.json()) as {
        ok: boolean;
        value: Record<string, unknown> & { prompt: Record<string, unknown> };
      };
    },
    async answer(value: Record<string, unknown>) {
      const promptId = (await this.state()).value.prompt.id;
      const reply = await fetch(new URL('/r/answer', base), {
        method: 'POST',
        headers,
        body: JSON.stringify({ phoneId, promptId, answerId: `${name}-answer-${++sent}`, value }),
      });
      return { status: reply.status, body: (await reply.json()) as { ok: boolean; error?: { message: string } } };
    },
  };
}

const sheet = (sector: string, livedExperience: boolean, ratings: { level: number | null; importance?: number }[]) => ({
  kind: 'readiness',
  sector,
  livedExperience,
  ratings: ratings.map(({ level, importance }) => ({ level, importance: importance ?? null })),
});

describe('a readiness round on the phones', () => {
  it('shows a phone only the round’s items, in the phone’s language, and no results', async () => {
    const spring = round(selfAssessmentId);
    fixture.ok('readiness.sheets.save', {
      initiativeId,
      roundId: spring.id,
      sheet: { sector: 'health', livedExperience: false, answers: { [itemIds(selfAssessmentId)[0]]: { level: 2 } } },
    });
    const opened = fixture.ok('room.readiness.open', { initiativeId, sessionId, roundId: spring.id });
    expect(opened.prompt).toMatchObject({ kind: 'readiness', question: 'Spring check', tally: null });
    expect(opened.prompt?.readiness).toMatchObject({ roundId: spring.id, ratesImportance: true, sheetsSaved: null });

    const amina = phone('amina');
    const [english, arabic] = [await amina.state('en'), await amina.state('ar')];
    const items = instrument(selfAssessmentId).sections.flatMap((section) => section.items);
    const shown = (view: typeof english) => view.value.prompt.round as { items: { id: string; text: string }[] };
    expect(shown(english).items.map((item) => item.text)).toEqual(items.map((item) => item.builtinText?.en));
    expect(shown(arabic).items.map((item) => item.text)).toEqual(items.map((item) => item.builtinText?.ar));
    expect(shown(arabic).items[0].text).not.toBe(shown(english).items[0].text);
    // Nothing of the sheet already entered from paper, nor any count, reaches a phone.
    expect(JSON.stringify(arabic)).not.toContain('health');
    expect(JSON.stringify(arabic)).not.toMatch(/tally|sheets|raters/);
  });

  it('saves one sheet per phone, and recording again changes nothing', async () => {
    const spring = round(selfAssessmentId);
    const ids = itemIds(selfAssessmentId);
    fixture.ok('room.readiness.open', { initiativeId, sessionId, roundId: spring.id });
    const [amina, luis, nour] = [phone('amina'), phone('luis'), phone('nour')];
    const all = (level: number) => ids.map(() => ({ level, importance: 5 }));
    expect((await amina.answer(sheet('community', true, all(2)))).status).toBe(200);
    expect((await luis.answer(sheet('health', false, all(3)))).status).toBe(200);
    // A phone that changes its mind while the round is open counts once, with its last answer.
    await nour.answer(sheet('education', false, all(1)));
    await nour.answer(sheet('education', true, all(4)));
    fixture.ok('room.close', {});

    const recorded = fixture.ok('room.readiness.record', { initiativeId, sessionId });
    expect(recorded.prompt).toMatchObject({ recorded: 'sheets', readiness: { sheetsSaved: 3 } });
    const sheets = fixture.ok('readiness.sheets.list', { initiativeId, roundId: spring.id });
    expect(sheets.map((entry) => [entry.sector, entry.livedExperience]).sort()).toEqual([
      ['community', true],
      ['education', true],
      ['health', false],
    ]);
    expect(sheets.map((entry) => entry.id).sort()).toEqual(
      [amina, luis, nour].map((entry) => phoneSheetId(spring.id, entry.phoneId)).sort(),
    );
    expect(sheets.find((entry) => entry.sector === 'health')?.answers[ids[0]]).toEqual({ level: 3, importance: 5 });

    // The same round put up again: the same phones' sheets are replaced, never doubled.
    const before = fixture.dump();
    fixture.ok('room.readiness.open', { initiativeId, sessionId, roundId: spring.id });
    await luis.answer(sheet('health', false, all(3)));
    fixture.ok('room.close', {});
    fixture.ok('room.readiness.record', { initiativeId, sessionId });
    const again = fixture.ok('readiness.sheets.list', { initiativeId, roundId: spring.id });
    expect(again).toEqual(sheets);
    expect(fixture.dump()).toEqual(before);

    fixture.ok('room.readiness.open', { initiativeId, sessionId, roundId: spring.id });
    await luis.answer(sheet('government', false, all(1)));
    fixture.ok('room.close', {});
    fixture.ok('room.readiness.record', { initiativeId, sessionId });
    const changed = fixture.ok('readiness.sheets.list', { initiativeId, roundId: spring.id });
    expect(changed).toHaveLength(3);
    expect(changed.find((entry) => entry.id === phoneSheetId(spring.id, luis.phoneId))).toMatchObject({
      sector: 'government',
      answers: { [ids[0]]: { level: 1, importance: 5 } },
    });
  });

  it('refuses a bad sheet in plain words and counts nothing', async () => {
    const check = round(readinessCheckId, 'Readiness check');
    const count = itemIds(readinessCheckId).length;
    fixture.ok('room.readiness.open', { initiativeId, sessionId, roundId: check.id });
    const amina = phone('amina');
    const refusals: [Record<string, unknown>, string][] = [
      [sheet('health', false, [{ level: 2 }]), 'Rate each item of the round once.'],
      [
        sheet(
          'health',
          false,
          Array.from({ length: count }, () => ({ level: 2, importance: 4 })),
        ),
        'importance',
      ],
      [
        sheet(
          'health',
          false,
          Array.from({ length: count }, () => ({ level: null })),
        ),
        'Rate at least one item.',
      ],
      [
        sheet(
          'health',
          false,
          Array.from({ length: count }, () => ({ level: 5 })),
        ),
        'ratings.0.level',
      ],
      [
        sheet(
          'the mayor',
          false,
          Array.from({ length: count }, () => ({ level: 2 })),
        ),
        'sector',
      ],
      [{ ...sheet('health', false, [{ level: 2 }]), name: 'Amina Yusuf' }, 'not accepted'],
      [{ kind: 'vote', option: 0 }, 'another kind of question'],
    ];
    for (const [value, words] of refusals) {
      const reply = await amina.answer(value);
      expect(reply.status, words).toBe(400);
      expect(reply.body.error?.message, words).toContain(words);
    }
    expect(fixture.ok('room.status', {}).prompt?.answered).toBe(0);
  });

  it('writes a readiness round only as sheets, and a vote never as sheets', async () => {
    const spring = round(selfAssessmentId);
    fixture.ok('room.readiness.open', { initiativeId, sessionId, roundId: spring.id });
    fixture.ok('room.close', {});
    const asNote = fixture.call('room.record', { initiativeId, sessionId, agendaItemId: null, wording: 'x' });
    expect(asNote.ok ? 'ok' : asNote.error.code).toBe('invalid_input');
    fixture.ok('room.open', { prompt: { kind: 'vote', question: 'Which first?', options: ['A', 'B'] } });
    fixture.ok('room.close', {});
    const vote = fixture.call('room.readiness.record', { initiativeId, sessionId });
    expect(vote.ok ? 'ok' : vote.error.code).toBe('invalid_input');
    expect(fixture.ok('readiness.sheets.list', { initiativeId, roundId: spring.id })).toEqual([]);
  });

  it('takes a whole sheet of the largest round a phone may rate in one answer under the body limit', () => {
    const largest = {
      phoneId: 'p'.repeat(64),
      promptId: '0190f0f0-0000-7000-8000-000000000000',
      answerId: 'a'.repeat(64),
      value: sheet(
        'philanthropy',
        false,
        Array.from({ length: maxRoundItems }, () => ({ level: null })),
      ),
    };
    expect(Buffer.byteLength(JSON.stringify(largest))).toBeLessThan(maxRoomBodyBytes);
  });

  it('refuses to put up a round with more items than a phone can rate', () => {
    const crowded = fixture.ok('readiness.instruments.create', {
      initiativeId,
      instrument: {
        name: 'Every detail',
        ratesImportance: true,
        sections: [1, 2].map((part) => ({
          title: `Part ${part}`,
          items: Array.from({ length: 51 }, (_, index) => `Detail ${part}.${index + 1}`),
        })),
      },
    });
    const big = round(crowded.id, 'Every detail');
    const refused = fixture.call('room.readiness.open', { initiativeId, sessionId, roundId: big.id });
    expect(refused.ok ? 'ok' : refused.error.message).toContain('more items than a phone can rate');
  });

  it('serves the phone the readiness words in each of its languages, beside the room’s own', () => {
    const files = loadPhoneFiles(undefined, resourcesDir);
    for (const locale of ['en', 'es', 'fr', 'ar']) {
      const words = JSON.parse(files.strings(locale) ?? '{}') as {
        send?: string;
        readiness?: { sectors?: Record<string, string> };
      };
      expect(words.send, locale).toBeTruthy();
      expect(Object.keys(words.readiness?.sectors ?? {}), locale).toEqual([...knownSectors]);
    }
  });
});
