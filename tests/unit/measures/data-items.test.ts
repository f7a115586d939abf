import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionDraft, DecisionDraft } from '../../../src-main/contract/meeting';
import { indicatorSnapshot } from '../../../src-main/features/measures/data-items';
import { InitiativeStore } from '../../../src-main/store/initiative-store';
import type { ChangeMessage } from '../../../src-main/sync/messages';
import { makeTempDir } from '../../fixtures/temp-dir';
import { openMeasuresWorld, seedIndicator, type MeasuresWorld } from './measures-fixture';

let world: MeasuresWorld;

beforeEach(() => {
  world = openMeasuresWorld();
});
afterEach(() => world.close());

/** A focus group with a named, an anonymous and an internal-only voice, and a roundtable with a data item. */
function seedRoom(store: InitiativeStore) {
  const { indicator } = seedIndicator(store);
  const focusGroup = store.groups.create({ kind: 'focus_group', name: 'Parents', purpose: '', colour: '#3366cc' });
  const participant = (consent: 'named' | 'anonymous' | 'internal') =>
    store.participants.create({ focusGroupId: focusGroup.id, consent, consentDate: '', consentRecordedBy: '' });
  const note = (participantId: string, words: string) => {
    const draft = store.notes.saveDraft({
      focusGroupId: focusGroup.id,
      sessionId: null,
      participantId,
      kind: 'quote',
      text: words,
      themeIds: [],
    });
    return store.notes.capture(draft.id);
  };
  const named = participant('named');
  const anonymous = participant('anonymous');
  const internal = participant('internal');
  const namedNote = note(named.id, 'The waiting list for pre-k is two years long');
  const anonymousNote = note(anonymous.id, 'Nobody told us about the readiness checks');
  const internalNote = note(internal.id, 'Said in confidence about a landlord');
  const session = store.sessions.create({ kind: 'roundtable', title: 'Data walk', startsAt: '2026-12-07T10:00' });
  const item = store.agenda.add(session.id, { title: 'Readiness by income', indicatorId: indicator.id });
  return { indicator, named, anonymous, namedNote, anonymousNote, internalNote, session, item };
}

describe('a data item', () => {
  it('remembers its indicator, and refuses one that does not exist', () => {
    const { indicator, item, session } = seedRoom(world.store);
    expect(world.store.agenda.get(item.id).indicatorId).toBe(indicator.id);
    const gone = world.store.measures.indicators.create({ name: 'Gone' });
    world.store.measures.indicators.remove(gone.id);
    expect(() => world.store.agenda.add(session.id, { title: 'x', indicatorId: gone.id })).toThrow(/indicator/);
    expect(world.reopen().agenda.get(item.id).indicatorId).toBe(indicator.id);
  });

  it('keeps what helps and what holds it back for that indicator and session; a deleted note is gone', () => {
    const { indicator, item, session } = seedRoom(world.store);
    const helps = world.store.dataItems.addFactor(item.id, 'helps', 'Home visits');
    world.store.dataItems.addFactor(item.id, 'holds_back', 'No buses after six');
    world.store.dataItems.updateFactor(helps.id, 'Home visits in August');
    const store = world.reopen();
    expect(store.dataItems.factorsOf(indicator.id, session.id).map((f) => [f.kind, f.text])).toEqual([
      ['helps', 'Home visits in August'],
      ['holds_back', 'No buses after six'],
    ]);
    store.dataItems.removeFactor(helps.id);
    expect(store.dataItems.factorsOf(indicator.id, session.id).map((f) => f.text)).toEqual(['No buses after six']);
    expect(store.db.prepare('SELECT tombstone FROM curve_factors WHERE id = ?').pluck().get(helps.id)).toBe(1);
  });
});

describe('voice linked to an indicator', () => {
  it('offers and links only shareable notes; an anonymous note goes without its pseudonym', () => {
    const { indicator, item, namedNote, anonymousNote, internalNote, named } = seedRoom(world.store);
    const offered = world.store.dataItems.shareableNotes('');
    expect(offered.map((n) => n.noteId).sort()).toEqual([namedNote.id, anonymousNote.id].sort());
    expect(world.store.dataItems.shareableNotes('waiting').map((n) => n.noteId)).toEqual([namedNote.id]);
    expect(() => world.store.dataItems.linkVoice(item.id, internalNote.id, null)).toThrow(/may be shared/);

    world.store.dataItems.linkVoice(item.id, namedNote.id, '2025/26');
    world.store.dataItems.linkVoice(item.id, anonymousNote.id, null);
    const { voice } = world.store.dataItems.linksOf(indicator.id);
    expect(voice.map((link) => [link.text, link.period, link.pseudonym])).toEqual([
      ['Nobody told us about the readiness checks', null, null],
      ['The waiting list for pre-k is two years long', '2025/26', named.pseudonym],
    ]);
  });

  it("hides a linked note's words once its participant withdraws, everywhere the link is read", () => {
    const { indicator, item, namedNote, named } = seedRoom(world.store);
    world.store.dataItems.linkVoice(item.id, namedNote.id, null);
    world.store.participants.withdraw(named.id);
    const store = world.reopen();
    expect(store.dataItems.linksOf(indicator.id)).toEqual({ voice: [], hiddenVoice: 1 });
    const trail = JSON.stringify(store.dataItems.trail(indicator.id));
    expect(trail).not.toContain('waiting list');
    expect(trail).not.toContain(named.pseudonym);
    expect(store.dataItems.shareableNotes('waiting')).toEqual([]);
  });

  it('is one row per note and indicator; unlinking tombstones it and linking again brings it back', () => {
    const { indicator, item, anonymousNote } = seedRoom(world.store);
    const first = world.store.dataItems.linkVoice(item.id, anonymousNote.id, null);
    world.store.dataItems.linkVoice(item.id, anonymousNote.id, '2024/25');
    const count = world.store.db.prepare('SELECT count(*) FROM indicator_voice_links').pluck();
    expect(count.get()).toBe(1);
    world.store.dataItems.unlinkVoice(first.linkId);
    expect(world.store.dataItems.linksOf(indicator.id)).toEqual({ voice: [], hiddenVoice: 0 });
    expect(() => world.store.dataItems.unlinkVoice(first.linkId)).toThrow(/not linked/);
    world.store.dataItems.linkVoice(item.id, anonymousNote.id, null);
    expect(world.store.dataItems.linksOf(indicator.id).voice.map((link) => link.period)).toEqual([null]);
    expect(count.get()).toBe(1);
  });
});

describe('citing voice from the Measures section', () => {
  it('links a shareable note to the indicator with no session, refuses an internal one, and unlinks', () => {
    const { indicator, namedNote, internalNote } = seedRoom(world.store);
    expect(() => world.store.dataItems.linkVoiceToIndicator(indicator.id, internalNote.id, null)).toThrow(
      /may be shared/,
    );
    const link = world.store.dataItems.linkVoiceToIndicator(indicator.id, namedNote.id, '2025/26');
    expect(link).toMatchObject({ noteId: namedNote.id, period: '2025/26', sessionTitle: '' });
    const store = world.reopen();
    expect(store.dataItems.trail(indicator.id).voice.map((entry) => entry.text)).toEqual([namedNote.text]);
    store.dataItems.unlinkVoice(link.linkId);
    expect(store.dataItems.trail(indicator.id).voice).toEqual([]);
  });

  it("is the same link a data item makes: citing again from Measures keeps the room's session", () => {
    const { indicator, item, namedNote } = seedRoom(world.store);
    world.store.dataItems.linkVoice(item.id, namedNote.id, null);
    const again = world.store.dataItems.linkVoiceToIndicator(indicator.id, namedNote.id, '2024/25');
    expect(again).toMatchObject({ period: '2024/25', sessionTitle: 'Data walk' });
    expect(world.store.db.prepare('SELECT count(*) FROM indicator_voice_links').pluck().get()).toBe(1);
  });
});

describe("an indicator's trail", () => {
  it('leads to the sessions, decisions and actions of its data items, and they lead back to it', () => {
    const { indicator, item, session } = seedRoom(world.store);
    const other = world.store.agenda.add(session.id, { title: 'Welcome' });
    const decision = world.store.decisions.record(
      DecisionDraft.parse({
        sessionId: session.id,
        agendaItemId: item.id,
        text: 'Fund a summer bridge',
        method: 'consensus',
      }),
    );
    world.store.decisions.record(
      DecisionDraft.parse({ sessionId: session.id, agendaItemId: other.id, text: 'Meet monthly', method: 'consensus' }),
    );
    const action = world.store.actionItems.addAction(
      ActionDraft.parse({ text: 'Ask the district for 2026 data', sessionId: session.id, agendaItemId: item.id }),
    );
    world.store.actionItems.addAction(ActionDraft.parse({ text: 'Book the room', sessionId: session.id }));
    expect(world.store.actionItems.getAction(action.id).agendaItemId).toBe(item.id);
    expect(() =>
      world.store.actionItems.addAction(ActionDraft.parse({ text: 'Stray', agendaItemId: item.id })),
    ).toThrow(/own session/);

    const trail = world.reopen().dataItems.trail(indicator.id);
    expect(trail.talkedAbout.map((entry) => [entry.sessionTitle, entry.itemTitle])).toEqual([
      ['Data walk', 'Readiness by income'],
    ]);
    expect(trail.decisions.map((entry) => entry.decisionId)).toEqual([decision.id]);
    expect(trail.actions.map((entry) => entry.actionId)).toEqual([action.id]);
    const sources = world.store.dataItems.sources();
    expect(sources.decisions).toEqual([
      { decisionId: decision.id, indicatorId: indicator.id, indicatorName: 'Kindergarten readiness' },
    ]);
    expect(sources.actions.map((entry) => entry.actionId)).toEqual([action.id]);

    world.store.sessions.remove(session.id);
    const afterDelete = world.store.dataItems.trail(indicator.id);
    expect([afterDelete.talkedAbout, afterDelete.decisions, afterDelete.actions]).toEqual([[], [], []]);
  });
});

describe('links and notes made on two devices', () => {
  const initiativeId = '01a20958-f994-7589-b2d8-4c08e329c448';
  const logOf = (store: InitiativeStore) =>
    store.db
      .prepare('SELECT timestamp, tbl AS "table", row_id AS row, col AS column, value, base FROM change_log')
      .all() as ChangeMessage[];
  const state = (store: InitiativeStore) => ({
    links: store.db
      .prepare('SELECT id, indicator_id, note_id, period, tombstone FROM indicator_voice_links ORDER BY id')
      .all(),
    factors: store.db.prepare('SELECT id, kind, text, tombstone FROM curve_factors ORDER BY id').all(),
  });

  it('converge to the same rows whichever log arrives first', () => {
    const temp = makeTempDir('common-ground-data-items-sync-');
    const base = Date.parse('2026-12-07T10:00:00.000Z');
    const open = (name: string, node: string, skew: number) =>
      InitiativeStore.open(initiativeId, join(temp.dir, `${name}.sqlite`), node, {
        create: true,
        now: () => base + skew,
      });
    const [a, b] = [open('a', '00000000000000a1', 0), open('b', '00000000000000b2', 60_000)];
    try {
      a.initiative.save({ name: 'Eastside' });
      const room = seedRoom(a);
      b.writePath.receive(logOf(a));
      // Both link the same note at once, to different periods; each adds its own notes; A unlinks another.
      const other = a.dataItems.linkVoice(room.item.id, room.namedNote.id, null);
      b.writePath.receive(logOf(a));
      a.dataItems.linkVoice(room.item.id, room.anonymousNote.id, '2024/25');
      b.dataItems.linkVoice(room.item.id, room.anonymousNote.id, '2025/26');
      a.dataItems.addFactor(room.item.id, 'helps', 'Library story time');
      b.dataItems.addFactor(room.item.id, 'holds_back', 'Waiting lists');
      a.dataItems.unlinkVoice(other.linkId);
      const [fromA, fromB] = [logOf(a), logOf(b)];
      b.writePath.receive(fromA);
      a.writePath.receive(fromB);
      expect(state(a)).toEqual(state(b));
      expect(state(a).links.filter((link) => (link as { tombstone: number }).tombstone === 0)).toEqual([
        expect.objectContaining({ note_id: room.anonymousNote.id, period: '2025/26' }),
      ]);
      expect(state(a).factors).toHaveLength(2);
      expect(a.dataItems.trail(room.indicator.id)).toEqual(b.dataItems.trail(room.indicator.id));
    } finally {
      a.close();
      b.close();
      temp.cleanup();
    }
  });
});

describe('the figures a data item shows the room', () => {
  it('are the latest period, total first, with small or uncounted groups held back and the target of that period', () => {
    const { indicator, low, middle, high, north } = seedIndicator(world.store);
    world.store.measures.indicators.setTarget(indicator.id, '2025/26', 65);
    world.store.measures.readings.save(indicator.id, [
      { period: '2024/25', value: 55, count: 380 },
      { period: '2025/26', value: 58, count: 400 },
      { period: '2025/26', categoryIds: [low], value: 41, count: 120 },
      { period: '2025/26', categoryIds: [middle], value: 57, count: null },
      { period: '2025/26', categoryIds: [high], value: 71, count: 6 },
      { period: '2025/26', categoryIds: [low, north], value: 39, count: 40 },
    ]);
    const snapshot = indicatorSnapshot(world.store, indicator.id);
    expect(snapshot.period).toBe('2025/26');
    expect(snapshot.periods).toEqual(['2024/25', '2025/26']);
    expect(snapshot.target).toBe(65);
    expect(snapshot.total).toMatchObject({ label: '', value: 58, heldBack: false });
    expect(snapshot.groups.map((line) => [line.label, line.value, line.heldBack])).toEqual([
      ['High', null, true],
      ['Low', 41, false],
      ['Middle', null, true],
      ['Low · Northside', 39, false],
    ]);
    expect([snapshot.total, ...snapshot.groups].map((line) => line?.value)).not.toContain(71);
  });
});
