import { PromptDraft } from '../../contract/room';
import { AppError } from '../../contract/result';
import { asAppError, RoomMode, type RoomModeOptions } from '../../room/room-mode';
import { outcomeOf } from '../../room/tallies';
import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handlers';
import { roomReadinessHandlers } from './readiness';

/** Runs a room step and tells a refusal (no such idea, question still open) as an app error. */
function inRoom<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw asAppError(error);
  }
}

/**
 * Room mode's channels for the facilitator. The phones never reach these: they talk to the room
 * server (src-main/room), which holds the answers in memory; only what the facilitator records
 * here is written, through the write path, as a decision, a note line or a parking-lot item.
 */
export function roomHandlers(
  { library, resourcesDir, rendererDir }: HandlerContext,
  extra: Partial<RoomModeOptions> = {},
) {
  // Never on after a start; stopped when the library closes (the app quits, the host stops).
  const mode = new RoomMode({ resourcesDir, rendererDir, ...extra });
  library.onClose(() => mode.stop());

  /** The agenda item a note goes to: the one given, checked to be this session's. */
  function itemOf(initiativeId: string, sessionId: string, agendaItemId: string | null) {
    if (!agendaItemId)
      throw new AppError('invalid_input', 'This meeting has no agenda item to write the result under.');
    const item = library.open(initiativeId).agenda.get(agendaItemId);
    if (item.sessionId !== sessionId) throw new AppError('not_found', 'No agenda item with that id in this session.');
    return item;
  }

  function appendNote(initiativeId: string, sessionId: string, agendaItemId: string | null, line: string): void {
    const item = itemOf(initiativeId, sessionId, agendaItemId);
    const notes = item.notes.trimEnd() === '' ? line : `${item.notes.trimEnd()}\n\n${line}`;
    library.open(initiativeId).agenda.update(item.id, { notes });
  }

  return {
    'room.status': () => mode.status(),
    'room.start': ({ initiativeId, sessionId }) => {
      const store = library.open(initiativeId);
      store.sessions.get(sessionId);
      // Names only, under ids made for this room: no partner id, contact or sector reaches a phone.
      const names = store.attendance
        .list(sessionId)
        .filter((entry) => entry.invited || entry.checkedIn)
        .map((entry, index) => ({ id: `n${index + 1}`, name: entry.name }));
      return mode.start(initiativeId, sessionId, names);
    },
    'room.stop': () => mode.stop(),
    'room.open': ({ prompt }) => {
      mode.room().open(PromptDraft.parse(prompt) as Required<PromptDraft>);
      return mode.status();
    },
    'room.close': () => {
      mode.room().close();
      return mode.status();
    },
    'room.reveal': () => {
      mode.room().reveal();
      return mode.status();
    },
    'room.record': ({ initiativeId, sessionId, agendaItemId, wording }) => {
      const room = mode.room(sessionId);
      const prompt = inRoom(() => room.closedPrompt());
      const { kind, question } = prompt.draft;
      if (kind === 'ideas') throw new AppError('invalid_input', 'Ideas are kept one by one from the queue.');
      if (kind === 'readiness')
        throw new AppError('invalid_input', 'A readiness round is saved as the round’s sheets, not as a note.');
      if (kind === 'fist' || kind === 'consent') {
        const tally = room.tally(prompt);
        library.open(initiativeId).decisions.record({
          sessionId,
          agendaItemId,
          text: question,
          method: kind === 'fist' ? 'fist_to_five' : 'consent',
          tally: kind === 'fist' ? { fist: tally.counts } : { objections: wording },
          outcome: outcomeOf(kind, tally),
          rationale: '',
          noteIds: [],
        });
        room.markRecorded('decision');
      } else {
        appendNote(initiativeId, sessionId, agendaItemId, wording);
        room.markRecorded('notes');
      }
      return mode.status();
    },
    'room.moderate': ({ initiativeId, sessionId, ideaId, to, agendaItemId }) => {
      const room = mode.room(sessionId);
      // Checked before the idea leaves the queue, so a refusal loses nothing.
      if (to === 'notes') itemOf(initiativeId, sessionId, agendaItemId);
      const idea = inRoom(() => room.takeIdea(ideaId));
      const text = idea.name ? `${idea.text} (${idea.name})` : idea.text;
      if (to === 'notes') appendNote(initiativeId, sessionId, agendaItemId, text);
      if (to === 'parking') library.open(initiativeId).actionItems.addParking(sessionId, text);
      return mode.status();
    },
    ...roomReadinessHandlers(library, mode, inRoom),
  } satisfies Partial<HandlerMap>;
}
