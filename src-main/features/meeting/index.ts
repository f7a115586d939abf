import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handlers';

/** Agenda, attendance, the live meeting, decisions, action items and the parking lot. */
export function meetingHandlers({ library }: HandlerContext) {
  const open = (initiativeId: string) => library.open(initiativeId);
  return {
    'meeting.get': ({ initiativeId, sessionId }) => {
      const store = open(initiativeId);
      return {
        session: store.sessions.get(sessionId),
        items: store.agenda.list(sessionId),
        attendance: store.attendance.list(sessionId),
        decisions: store.decisions.list(sessionId),
        actions: store.actionItems.actionsOf(sessionId),
        parking: store.actionItems.parkingOf(sessionId),
        live: store.live.get(sessionId),
        voicePins: store.agenda.pinsOf(sessionId),
        openFromLast: store.actionItems.openFromReused(sessionId),
      };
    },
    'meeting.start': ({ initiativeId, sessionId, reopen }) => open(initiativeId).live.start(sessionId, reopen),
    'meeting.goTo': ({ initiativeId, sessionId, itemId }) => open(initiativeId).live.goTo(sessionId, itemId),
    'meeting.timer': ({ initiativeId, sessionId, action }) => open(initiativeId).live.timer(sessionId, action),
    'meeting.close': ({ initiativeId, sessionId }) => {
      const store = open(initiativeId);
      store.live.close(sessionId);
      return store.sessions.get(sessionId);
    },
    'agenda.add': ({ initiativeId, sessionId, item, id }) => open(initiativeId).agenda.add(sessionId, item, id),
    'agenda.update': ({ initiativeId, itemId, patch }) => open(initiativeId).agenda.update(itemId, patch),
    'agenda.delete': ({ initiativeId, itemId }) => {
      open(initiativeId).agenda.remove(itemId);
      return { itemId };
    },
    'agenda.reorder': ({ initiativeId, sessionId, itemIds }) => open(initiativeId).agenda.reorder(sessionId, itemIds),
    'agenda.reuseLast': ({ initiativeId, sessionId }) => open(initiativeId).agenda.reuseLast(sessionId),
    'agenda.pinVoice': ({ initiativeId, sessionId, noteId, agendaItemId }) =>
      open(initiativeId).agenda.pinVoice(sessionId, noteId, agendaItemId),
    'attendance.invite': ({ initiativeId, sessionId, partnerIds, groupIds }) =>
      open(initiativeId).attendance.invite(sessionId, partnerIds, groupIds),
    'attendance.uninvite': ({ initiativeId, sessionId, partnerIds, groupIds }) =>
      open(initiativeId).attendance.uninvite(sessionId, partnerIds, groupIds),
    'attendance.checkIn': ({ initiativeId, sessionId, partnerId, present }) =>
      open(initiativeId).attendance.checkIn(sessionId, partnerId, present),
    'attendance.walkIn': ({ initiativeId, sessionId, partner, id }) =>
      open(initiativeId).attendance.walkIn(sessionId, partner, id),
    'decisions.record': ({ initiativeId, decision, id }) => open(initiativeId).decisions.record(decision, id),
    'decisions.update': ({ initiativeId, decisionId, patch }) => open(initiativeId).decisions.update(decisionId, patch),
    'decisions.delete': ({ initiativeId, decisionId }) => {
      open(initiativeId).decisions.remove(decisionId);
      return { decisionId };
    },
    'decisions.restore': ({ initiativeId, decisionId }) => open(initiativeId).decisions.restore(decisionId),
    'decisions.log': ({ initiativeId, filter }) => open(initiativeId).decisions.log(filter),
    'actions.add': ({ initiativeId, action, id }) => open(initiativeId).actionItems.addAction(action, id),
    'actions.update': ({ initiativeId, actionId, patch }) =>
      open(initiativeId).actionItems.updateAction(actionId, patch),
    'actions.delete': ({ initiativeId, actionId }) => {
      open(initiativeId).actionItems.removeAction(actionId);
      return { actionId };
    },
    'actions.list': ({ initiativeId, filter }) => open(initiativeId).actionItems.listActions(filter),
    'parking.add': ({ initiativeId, sessionId, text, id }) =>
      open(initiativeId).actionItems.addParking(sessionId, text, id),
    'parking.update': ({ initiativeId, itemId, patch }) => open(initiativeId).actionItems.updateParking(itemId, patch),
    'parking.delete': ({ initiativeId, itemId }) => {
      open(initiativeId).actionItems.removeParking(itemId);
      return { itemId };
    },
  } satisfies Partial<HandlerMap>;
}
