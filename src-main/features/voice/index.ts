import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handlers';
import { exportNotesCsv } from './notes-csv';
import { exportCodebook, importCodebook } from './codebook';

/** Sessions, participants, voice notes, themes and search. Consent is applied in the store. */
export function voiceHandlers({ library }: HandlerContext) {
  const open = (initiativeId: string) => library.open(initiativeId);
  return {
    'sessions.list': ({ initiativeId, filter }) => open(initiativeId).sessions.list(filter),
    'sessions.create': ({ initiativeId, session, id }) => open(initiativeId).sessions.create(session, id),
    'sessions.update': ({ initiativeId, sessionId, patch }) => open(initiativeId).sessions.update(sessionId, patch),
    'sessions.delete': ({ initiativeId, sessionId }) => {
      open(initiativeId).sessions.remove(sessionId);
      return { sessionId };
    },
    'sessions.restore': ({ initiativeId, sessionId }) => open(initiativeId).sessions.restore(sessionId),
    'sessions.carriedNotes': ({ initiativeId, sessionId }) => open(initiativeId).notes.carriedTo(sessionId),
    'participants.list': ({ initiativeId, focusGroupId }) => open(initiativeId).participants.list(focusGroupId),
    'participants.create': ({ initiativeId, participant }) => open(initiativeId).participants.create(participant),
    'participants.update': ({ initiativeId, participantId, patch }) =>
      open(initiativeId).participants.update(participantId, patch),
    'participants.withdraw': ({ initiativeId, participantId }) =>
      open(initiativeId).participants.withdraw(participantId),
    'participants.reinstate': ({ initiativeId, participantId }) =>
      open(initiativeId).participants.reinstate(participantId),
    'participants.realName': ({ initiativeId, participantId }) => ({
      participantId,
      realName: open(initiativeId).participants.realName(participantId),
    }),
    'participants.setRealName': ({ initiativeId, participantId, realName }) =>
      open(initiativeId).participants.setRealName(participantId, realName),
    'voice.notes': ({ initiativeId, focusGroupId }) => open(initiativeId).notes.ownList(focusGroupId),
    'voice.draft': ({ initiativeId, focusGroupId }) => open(initiativeId).notes.draft(focusGroupId),
    'voice.saveDraft': ({ initiativeId, draft }) => open(initiativeId).notes.saveDraft(draft),
    'voice.capture': ({ initiativeId, noteId }) => open(initiativeId).notes.capture(noteId),
    'voice.update': ({ initiativeId, noteId, patch }) => open(initiativeId).notes.update(noteId, patch),
    'voice.delete': ({ initiativeId, noteId }) => {
      open(initiativeId).notes.remove(noteId);
      return { noteId };
    },
    'voice.restore': ({ initiativeId, noteId, text }) => open(initiativeId).notes.restore(noteId, text),
    'voice.setThemes': ({ initiativeId, noteId, themeIds }) => open(initiativeId).notes.setThemes(noteId, themeIds),
    'voice.search': (request) => open(request.initiativeId).voiceSearch.search(request),
    'voice.carry': ({ initiativeId, sessionId, noteIds }) => ({
      carried: open(initiativeId).notes.carry(sessionId, noteIds),
    }),
    'voice.uncarry': ({ initiativeId, sessionId, noteId }) => {
      open(initiativeId).notes.uncarry(sessionId, noteId);
      return { noteId };
    },
    'voice.exportCsv': ({ initiativeId, focusGroupId }) => exportNotesCsv(open(initiativeId), focusGroupId),
    'themes.list': ({ initiativeId }) => open(initiativeId).themes.list(),
    'themes.create': ({ initiativeId, theme }) => open(initiativeId).themes.create(theme),
    'themes.update': ({ initiativeId, themeId, patch }) => open(initiativeId).themes.update(themeId, patch),
    'themes.delete': ({ initiativeId, themeId }) => {
      open(initiativeId).themes.remove(themeId);
      return { themeId };
    },
    'themes.restore': ({ initiativeId, themeId }) => open(initiativeId).themes.restore(themeId),
    'themes.merge': ({ initiativeId, sourceId, targetId }) => open(initiativeId).themes.merge(sourceId, targetId),
    'themes.report': ({ initiativeId }) => open(initiativeId).themes.report(),
    'themes.exportQdc': ({ initiativeId }) => exportCodebook(open(initiativeId)),
    'themes.importQdc': ({ initiativeId, fileName, contentBase64 }) =>
      importCodebook(open(initiativeId), fileName, contentBase64),
  } satisfies Partial<HandlerMap>;
}
