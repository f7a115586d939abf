import type { Channel } from '../../../src-main/contract/channels';
import { RoomStatus } from '../../../src-main/contract/room';
import { selfAssessmentId } from '../../../src-main/store/readiness-builtins';
import { lanAddressesEnv } from '../../../src-main/sync/lan-hub';
import type { ContractFixture } from './contract-fixture';
import type { MeetingIds } from './meeting-cases';
import { commonRefusals } from './voice-cases';

export type RoomChannel = Extract<Channel, `room.${string}`>;

export function isRoomChannel(channel: Channel): channel is RoomChannel {
  return channel.startsWith('room.');
}

// Room mode started by these cases listens on loopback only: tests never bind or send elsewhere.
process.env[lanAddressesEnv] = '127.0.0.1';

export interface RoomIds {
  initiativeId: string;
  sessionId: string;
  itemId: string;
  ideaId: string;
  /** A readiness round of the initiative, for putting on the phones. */
  roundId: string;
  /**
   * Puts the round on the phones and closes it, so there is a readiness answer set to record
   * (the seeded room's own last question is a closed vote, which room.record needs).
   */
  closeARoundOnThePhones(): void;
}

async function status(fixture: ContractFixture, channel: RoomChannel, input: unknown): Promise<RoomStatus> {
  const result = await fixture.callAsync(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return RoomStatus.parse(result.value);
}

/**
 * Room mode on for the meeting's session, one idea sent in by a phone over HTTP (waiting in the
 * queue), and a closed vote, so every room channel's valid input has something to act on.
 */
export async function seedRoom(fixture: ContractFixture, meeting: MeetingIds): Promise<RoomIds> {
  const { initiativeId, sessionId, itemId } = meeting;
  const started = await status(fixture, 'room.start', { initiativeId, sessionId });
  await status(fixture, 'room.open', { prompt: { kind: 'ideas', question: 'What is missing?' } });
  const opened = await status(fixture, 'room.status', {});
  const url = new URL(started.endpoints[0].url);
  const answer = await fetch(new URL('/r/answer', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Room-Code': started.code ?? '' },
    body: JSON.stringify({
      phoneId: 'phone-of-the-seed-0001',
      promptId: opened.prompt?.id,
      answerId: 'seed-idea-1',
      value: { kind: 'ideas', about: 'idea', text: 'Childcare during meetings' },
    }),
  });
  if (!answer.ok) throw new Error(`the seed idea was refused: ${await answer.text()}`);
  await status(fixture, 'room.open', { prompt: { kind: 'vote', question: 'Which first?', options: ['A', 'B'] } });
  const closed = await status(fixture, 'room.close', {});
  const roundId = fixture.ok('readiness.rounds.create', {
    initiativeId,
    round: { instrumentId: selfAssessmentId, title: 'Rated on the phones', heldOn: '2026-03-10' },
  }).id;
  const closeARoundOnThePhones = () => {
    fixture.ok('room.readiness.open', { initiativeId, sessionId, roundId });
    fixture.ok('room.close', {});
  };
  return { initiativeId, sessionId, itemId, ideaId: closed.ideas[0].id, roundId, closeARoundOnThePhones };
}

/**
 * Turns room mode back on for the seeded session when a test before (room.stop, or a fuzzed
 * room.start for another session) left it off or elsewhere: the readiness channels' valid inputs
 * put a round on the phones of the running room. A fresh start forgets the seeded idea and vote,
 * so the channels acting on those are then refused, plainly, as a person would be.
 */
export async function roomOnAgain(fixture: ContractFixture, ids: RoomIds): Promise<void> {
  const now = await status(fixture, 'room.status', {});
  if (!now.running || now.sessionId !== ids.sessionId)
    await status(fixture, 'room.start', { initiativeId: ids.initiativeId, sessionId: ids.sessionId });
}

export function roomValidInput(channel: RoomChannel, ids: RoomIds): Record<string, unknown> {
  const { initiativeId, sessionId, itemId, ideaId } = ids;
  switch (channel) {
    case 'room.status':
    case 'room.stop':
    case 'room.close':
    case 'room.reveal':
      return {};
    case 'room.start':
      return { initiativeId, sessionId };
    case 'room.open':
      return { prompt: { kind: 'dots', question: 'Where to start?', options: ['Transport', 'Childcare'], dots: 3 } };
    case 'room.record':
      return { initiativeId, sessionId, agendaItemId: itemId, wording: 'Which first? A 0 · B 0' };
    case 'room.moderate':
      return { initiativeId, sessionId, ideaId, to: 'parking', agendaItemId: null };
    case 'room.readiness.open':
      return { initiativeId, sessionId, roundId: ids.roundId };
    case 'room.readiness.record':
      ids.closeARoundOnThePhones();
      return { initiativeId, sessionId };
  }
}

export function roomBadInputs(channel: RoomChannel, ids: RoomIds): [string, unknown][] {
  const valid = roomValidInput(channel, ids);
  const prompt = (fields: Record<string, unknown>) => ({
    prompt: { kind: 'vote', question: 'Q', options: ['A', 'B'], ...fields },
  });
  const cases: Partial<Record<RoomChannel, [string, unknown][]>> = {
    'room.open': [
      ['no prompt', {}],
      ['an unknown kind', prompt({ kind: 'poll' })],
      ['a blank question', prompt({ question: '  ' })],
      ['a question too long', prompt({ question: 'q'.repeat(301) })],
      ['a vote with one choice', prompt({ options: ['A'] })],
      ['too many choices', prompt({ options: Array.from({ length: 13 }, (_, i) => `O${i}`) })],
      ['no dots', prompt({ kind: 'dots', dots: 0 })],
      ['a scale of one', prompt({ kind: 'rating', scaleMax: 1 })],
    ],
    'room.record': [
      ['no wording', { ...valid, wording: '' }],
      ['an agenda item that is not an id', { ...valid, agendaItemId: 'first' }],
    ],
    'room.moderate': [['an unknown destination', { ...valid, to: 'trash' }]],
    'room.status': [['an initiative it does not take', { initiativeId: ids.initiativeId }]],
    'room.readiness.open': [['a round that is not an id', { ...valid, roundId: 'spring' }]],
  };
  return [...commonRefusals(valid), ...(cases[channel] ?? [])];
}
