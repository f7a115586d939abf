import type { LiveState } from '../contract/meeting';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import type { WritePath } from './write-path';

interface LiveRow {
  current_item_id: string | null;
  timer_started_at: number | null;
  elapsed_ms: number | null;
}

/**
 * A running session's current item and timer, written through the write path on every change so
 * that reopening after a crash lands on the same item with the same time left. `now` is the
 * device clock in epoch milliseconds; the renderer counts from the same instant.
 */
export function createLiveSessionRepository(db: Db, writePath: WritePath, now: () => number = Date.now) {
  const selectLive = db.prepare('SELECT * FROM live_sessions WHERE id = ? AND tombstone = 0');
  const sessionStatus = db.prepare('SELECT status FROM sessions WHERE id = ? AND tombstone = 0').pluck();
  const firstItem = db
    .prepare('SELECT id FROM agenda_items WHERE session_id = ? AND tombstone = 0 ORDER BY position, id LIMIT 1')
    .pluck();
  const itemOf = db.prepare('SELECT session_id FROM agenda_items WHERE id = ? AND tombstone = 0').pluck();

  function requireSession(sessionId: string): string {
    const status = sessionStatus.get(sessionId) as string | undefined;
    if (status === undefined) throw new AppError('not_found', 'No session with that id in this initiative.');
    return status ?? 'planned';
  }

  function get(sessionId: string): LiveState {
    requireSession(sessionId);
    const row = selectLive.get(sessionId) as LiveRow | undefined;
    const currentItemId =
      row?.current_item_id && itemOf.get(row.current_item_id) === sessionId ? row.current_item_id : null;
    return {
      sessionId,
      currentItemId: currentItemId ?? (firstItem.get(sessionId) as string | undefined) ?? null,
      timerStartedAt: row?.timer_started_at ?? null,
      elapsedMs: row?.elapsed_ms ?? 0,
    };
  }

  function save(sessionId: string, values: Partial<Record<keyof LiveRow, string | number | null>>): LiveState {
    writePath.write([{ table: 'live_sessions', row: sessionId, values: { ...values, tombstone: 0 } }]);
    return get(sessionId);
  }

  /**
   * Marks the session live and makes sure it has a current item. A closed session is only made
   * live again when the facilitator said so (`reopen`): opening it to look must not reopen it.
   */
  function start(sessionId: string, reopen = false): LiveState {
    const status = requireSession(sessionId);
    if (status === 'closed' && !reopen)
      throw new AppError('invalid_input', 'This session is closed; reopening it needs to be asked for.');
    const state = get(sessionId);
    writePath.batch(() => {
      if (status !== 'live') writePath.write([{ table: 'sessions', row: sessionId, values: { status: 'live' } }]);
      save(sessionId, { current_item_id: state.currentItemId });
    });
    return get(sessionId);
  }

  /** Moves to an item; a running timer keeps running for the new item, from zero. */
  function goTo(sessionId: string, itemId: string): LiveState {
    const state = get(sessionId);
    if (itemOf.get(itemId) !== sessionId)
      throw new AppError('not_found', 'No agenda item with that id in this session.');
    return save(sessionId, {
      current_item_id: itemId,
      timer_started_at: state.timerStartedAt === null ? null : now(),
      elapsed_ms: 0,
    });
  }

  function timer(sessionId: string, action: 'start' | 'pause' | 'reset'): LiveState {
    const state = get(sessionId);
    const at = now();
    if (action === 'reset')
      return save(sessionId, { current_item_id: state.currentItemId, timer_started_at: null, elapsed_ms: 0 });
    if (action === 'start') {
      if (state.timerStartedAt !== null) return state;
      return save(sessionId, { current_item_id: state.currentItemId, timer_started_at: at });
    }
    if (state.timerStartedAt === null) return state;
    return save(sessionId, {
      current_item_id: state.currentItemId,
      timer_started_at: null,
      elapsed_ms: state.elapsedMs + Math.max(0, at - state.timerStartedAt),
    });
  }

  /** Closing stops the clock where it stood; the review and later edits need no timer. */
  function close(sessionId: string): void {
    requireSession(sessionId);
    writePath.batch(() => {
      if (get(sessionId).timerStartedAt !== null) timer(sessionId, 'pause');
      writePath.write([{ table: 'sessions', row: sessionId, values: { status: 'closed' } }]);
    });
  }

  return { get, start, goTo, timer, close };
}

export type LiveSessionRepository = ReturnType<typeof createLiveSessionRepository>;
