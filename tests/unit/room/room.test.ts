import { describe, expect, it } from 'vitest';
import { PromptDraft, statementReading } from '../../../src-main/contract/room';
import { RoomRefusal, type PhoneAnswer } from '../../../src-main/room/answers';
import { newRoomCode, normaliseCode, Room } from '../../../src-main/room/room';
import { outcomeOf, tallyOf } from '../../../src-main/room/tallies';

const names = [
  { id: 'n1', name: 'Amina Yusuf' },
  { id: 'n2', name: 'Luis Ortega' },
];
const draft = (input: PromptDraft) => PromptDraft.parse(input) as Required<PromptDraft>;

function roomWith(prompt: PromptDraft) {
  const room = new Room('init', 'session', names, 'K8QM2T');
  room.open(draft(prompt));
  const promptId = room.promptView()!.id;
  const answer = (phoneId: string, answerId: string, value: PhoneAnswer['value']) =>
    room.answer({ phoneId: `phone-${phoneId}-0123456789`, promptId, answerId, value });
  return { room, answer, promptId };
}

function revealed(room: Room) {
  room.reveal();
  return room.promptView()!.tally!;
}

describe('tallies', () => {
  it('counts fingers 0 to 5, one slot each', () => {
    const { room, answer } = roomWith({ kind: 'fist', question: 'Adopt the plan?' });
    [5, 4, 4, 0, 3].forEach((fingers, i) => answer(String(i), `answer-${i}-x`, { kind: 'fist', fingers }));
    const tally = revealed(room);
    expect(tally.counts).toEqual([1, 0, 0, 1, 2, 1]);
    expect(outcomeOf('fist', tally)).toBe('not_agreed');
    expect(outcomeOf('fist', { counts: [0, 0, 1, 2, 3, 4], reasons: [] })).toBe('agreed');
  });

  it('counts a consent round and keeps reasons, named only when the phone checked in', () => {
    const { room, answer } = roomWith({ kind: 'consent', question: 'Move the meeting to evenings?' });
    room.checkIn('phone-2-0123456789', 'n2');
    answer('1', 'answer-1-x', { kind: 'consent', choice: 'consent', reason: '' });
    answer('2', 'answer-2-x', { kind: 'consent', choice: 'object', reason: 'Buses stop at 8' });
    answer('3', 'answer-3-x', { kind: 'consent', choice: 'concern', reason: 'Childcare' });
    answer('4', 'answer-4-x', { kind: 'consent', choice: 'stand_aside', reason: '' });
    const tally = revealed(room);
    expect(tally.counts).toEqual([1, 1, 1, 1]);
    expect(tally.reasons).toEqual([
      { choice: 'object', text: 'Buses stop at 8', name: 'Luis Ortega' },
      { choice: 'concern', text: 'Childcare', name: null },
    ]);
    expect(outcomeOf('consent', tally)).toBe('not_agreed');
  });

  it('adds up dots over options and ratings over the scale', () => {
    const dots = roomWith({ kind: 'dots', question: 'Which first?', options: ['Bus', 'Food', 'Jobs'], dots: 3 });
    dots.answer('1', 'answer-1-x', { kind: 'dots', options: [0, 0, 2] });
    dots.answer('2', 'answer-2-x', { kind: 'dots', options: [1] });
    expect(revealed(dots.room).counts).toEqual([2, 1, 1]);
    const rating = roomWith({ kind: 'rating', question: 'How useful?', scaleMax: 4 });
    rating.answer('1', 'answer-1-x', { kind: 'rating', value: 4 });
    rating.answer('2', 'answer-2-x', { kind: 'rating', value: 1 });
    expect(revealed(rating.room).counts).toEqual([1, 0, 0, 1]);
    expect(tallyOf({ kind: 'vote', options: ['a', 'b'], scaleMax: 5 }, []).counts).toEqual([0, 0]);
  });

  it('counts agree, disagree and pass per statement, and reads agreement or a split', () => {
    const { room, answer } = roomWith({ kind: 'statements', question: 'Evening meetings', options: ['Later', 'Food'] });
    answer('1', 'answer-1-x', { kind: 'statements', votes: ['agree', 'agree'] });
    answer('2', 'answer-2-x', { kind: 'statements', votes: ['disagree', 'agree'] });
    answer('3', 'answer-3-x', { kind: 'statements', votes: ['agree', 'pass'] });
    expect(() => answer('4', 'answer-4-x', { kind: 'statements', votes: ['agree'] })).toThrow(/each statement/);
    expect(revealed(room).counts).toEqual([2, 1, 0, 2, 0, 1]);
    expect(statementReading(1, 1)).toBe('few');
    expect(statementReading(3, 1)).toBe('agrees');
    expect(statementReading(1, 3)).toBe('disagrees');
    expect(statementReading(3, 2)).toBe('splits');
  });

  it('keeps results hidden until revealed: only the number of answers shows', () => {
    const { room, answer } = roomWith({ kind: 'vote', question: 'Which?', options: ['A', 'B'] });
    answer('1', 'answer-1-x', { kind: 'vote', option: 1 });
    expect(room.promptView()).toMatchObject({ answered: 1, tally: null, revealed: false });
    expect(revealed(room).counts).toEqual([0, 1]);
  });
});

describe('one answer per phone, counted once', () => {
  it('a new answer from the same phone replaces its old one while the prompt is open', () => {
    const { room, answer } = roomWith({ kind: 'fist', question: 'Q' });
    answer('1', 'answer-1-a', { kind: 'fist', fingers: 1 });
    answer('1', 'answer-1-b', { kind: 'fist', fingers: 5 });
    expect(room.promptView()!.answered).toBe(1);
    expect(revealed(room).counts).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it('the same answer id sent twice (a resend after a wifi drop) counts once, and a late old one changes nothing', () => {
    const { room, answer } = roomWith({ kind: 'fist', question: 'Q' });
    expect(answer('1', 'answer-1-a', { kind: 'fist', fingers: 2 })).toEqual({ counted: true });
    expect(answer('1', 'answer-1-a', { kind: 'fist', fingers: 2 })).toEqual({ counted: false });
    answer('1', 'answer-1-b', { kind: 'fist', fingers: 4 });
    expect(answer('1', 'answer-1-a', { kind: 'fist', fingers: 2 })).toEqual({ counted: false });
    expect(revealed(room).counts).toEqual([0, 0, 0, 0, 1, 0]);
  });

  it('an idea resent with its id is queued once; two ideas from one phone are two', () => {
    const { room, answer } = roomWith({ kind: 'ideas', question: 'Ideas?' });
    answer('1', 'idea-1-a', { kind: 'ideas', about: 'idea', text: 'Meet at the library' });
    answer('1', 'idea-1-a', { kind: 'ideas', about: 'idea', text: 'Meet at the library' });
    answer('1', 'idea-1-b', { kind: 'ideas', about: 'concern', text: 'Stairs' });
    expect(room.waitingIdeas().map((idea) => [idea.kind, idea.text, idea.name])).toEqual([
      ['idea', 'Meet at the library', null],
      ['concern', 'Stairs', null],
    ]);
  });

  it('a closed prompt refuses new answers and changes, but a resend of a counted one is still fine', () => {
    const { room, answer } = roomWith({ kind: 'fist', question: 'Q' });
    answer('1', 'answer-1-a', { kind: 'fist', fingers: 3 });
    room.close();
    expect(() => answer('1', 'answer-1-b', { kind: 'fist', fingers: 0 })).toThrow(RoomRefusal);
    expect(answer('1', 'answer-1-a', { kind: 'fist', fingers: 3 })).toEqual({ counted: false });
    expect(() => answer('2', 'answer-2-a', { kind: 'fist', fingers: 0 })).toThrow(/closed/);
  });

  it('refuses an answer to an old prompt, of another kind, to a choice that does not exist, or an objection without a reason', () => {
    const { room, answer } = roomWith({ kind: 'vote', question: 'Q', options: ['A', 'B'] });
    expect(() => answer('1', 'answer-1-a', { kind: 'vote', option: 2 })).toThrow(/no such choice/);
    expect(() => answer('1', 'answer-1-b', { kind: 'fist', fingers: 2 })).toThrow(/another kind/);
    room.open(draft({ kind: 'fist', question: 'Next' }));
    expect(() => answer('1', 'answer-1-c', { kind: 'vote', option: 0 })).toThrow(/no longer asked/);
    const consent = roomWith({ kind: 'consent', question: 'Q' });
    expect(() => consent.answer('1', 'answer-1-e', { kind: 'consent', choice: 'object', reason: ' ' })).toThrow(
      /why you object/,
    );
    const dots = roomWith({ kind: 'dots', question: 'Q', options: ['A', 'B'], dots: 2 });
    expect(() => dots.answer('1', 'answer-1-d', { kind: 'dots', options: [0, 1, 1] })).toThrow(/at most 2 dots/);
  });

  it('checks in only as a name on the list', () => {
    const room = new Room('init', 'session', names);
    expect(room.checkIn('phone-1-0123456789', 'n1')).toEqual(names[0]);
    expect(() => room.checkIn('phone-1-0123456789', 'n9')).toThrow(/not on this meeting/);
    expect(room.checkIn('phone-1-0123456789', null)).toBeNull();
    expect(room.phoneView('phone-1-0123456789')).toEqual({ name: null, prompt: null, answer: null });
  });
});

describe('the room code', () => {
  it('is six characters that cannot be misread, typed in any case with spaces or dashes', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newRoomCode()));
    expect(codes.size).toBeGreaterThan(190);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-TW-Z]{6}$/);
    expect(normaliseCode('k8q m2-t')).toBe('K8QM2T');
  });
});
