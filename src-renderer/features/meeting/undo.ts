import type { Decision, Session } from '../../../src-main/contract/index';
import { useToast } from '../../components/Toast';
import { describeError, i18next as i18n } from '../../i18n/index';
import { useMeeting } from './store';

/** What the last delete in the Sessions section took away, so the toast and Ctrl+Z can bring it back. */
type Deleted = { kind: 'session'; id: string } | { kind: 'decision'; id: string };
let lastDeleted: Deleted | null = null;

function offerUndo(deleted: Deleted, message: string): void {
  lastDeleted = deleted;
  useToast.getState().show(message, i18n.t('meeting.undo.undo'), () => void undoLastDelete());
}

/**
 * A session goes with everything recorded in it (agenda, attendance, decisions, actions, parking
 * lot, carried notes): one tombstone on the session hides them all, so Undo brings all of it back.
 */
export async function deleteSession(session: Session): Promise<void> {
  const result = await useMeeting.getState().act('sessions.delete', { sessionId: session.id });
  if (!result.ok) return useToast.getState().show(describeError(result.error));
  offerUndo({ kind: 'session', id: session.id }, i18n.t('meeting.undo.sessionDeleted', { title: session.title }));
}

export async function deleteDecision(decision: Pick<Decision, 'id' | 'text'>): Promise<void> {
  const result = await useMeeting.getState().act('decisions.delete', { decisionId: decision.id });
  if (!result.ok) return useToast.getState().show(describeError(result.error));
  offerUndo({ kind: 'decision', id: decision.id }, i18n.t('meeting.undo.decisionDeleted', { text: decision.text }));
}

/** Brings back what the last delete took; a restored session is selected again. */
export async function undoLastDelete(): Promise<void> {
  const deleted = lastDeleted;
  if (!deleted) return;
  lastDeleted = null;
  useToast.getState().clear();
  const meeting = useMeeting.getState();
  if (deleted.kind === 'session') {
    const result = await meeting.act('sessions.restore', { sessionId: deleted.id });
    if (result.ok) await meeting.select(deleted.id);
    else useToast.getState().show(describeError(result.error));
  } else {
    const result = await meeting.act('decisions.restore', { decisionId: deleted.id });
    if (!result.ok) useToast.getState().show(describeError(result.error));
  }
}

export function hasUndo(): boolean {
  return lastDeleted !== null;
}
