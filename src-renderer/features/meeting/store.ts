import { create } from 'zustand';
import type {
  ApiError,
  Channel,
  ChannelInput,
  ChannelOutput,
  MeetingView,
  Result,
  Session,
  VoiceNote,
} from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { coalesced } from '../../api/coalesce';

const selectedKey = 'commonground.session';
const planShownKey = 'commonground.planShown';

interface MeetingState {
  initiativeId: string | null;
  /** Roundtables and meetings; focus groups keep their sessions on their own screen. */
  sessions: Session[];
  sessionId: string | null;
  view: MeetingView | null;
  carried: VoiceNote[];
  error: ApiError | null;
  /**
   * The live session whose plan the facilitator went back to: it stays on its plan when the
   * Sessions section is shown again, until meeting mode is opened on purpose. Kept in the window's
   * sessionStorage: a reload comes back to the plan the facilitator was on, while a new window or a
   * new start of the app opens a live session in meeting mode.
   */
  planShown: string | null;
  showPlan(sessionId: string | null): void;
  open(initiativeId: string): Promise<void>;
  select(sessionId: string | null): Promise<void>;
  refetch(): Promise<void>;
  /** Calls a channel in the open initiative, then refetches (change notices also do). */
  act<C extends Channel>(channel: C, input: Omit<ChannelInput<C>, 'initiativeId'>): Promise<Result<ChannelOutput<C>>>;
  /** Moves the live meeting by one item at once, ahead of the stored answer. */
  move(by: -1 | 1): void;
}

/** The Sessions section: the list, the selected session's plan and its live meeting. */
export const useMeeting = create<MeetingState>((set, get) => {
  // While moves are on their way, a refetch that read the store before they landed must not put the
  // meeting back on an earlier item (two quick presses of → would then go one item on, not two).
  let movesInFlight = 0;
  let movedLive: MeetingView['live'] | null = null;

  async function fetchAll() {
    const { initiativeId, sessionId } = get();
    if (!initiativeId) return;
    // The list and the selected session's data are asked for together: one round trip, not two,
    // before meeting mode can draw. A session missing from the list is dropped below.
    const [sessions, view, carried] = await Promise.all([
      call('sessions.list', { initiativeId, filter: {} }),
      sessionId ? call('meeting.get', { initiativeId, sessionId }) : null,
      sessionId ? call('sessions.carriedNotes', { initiativeId, sessionId }) : null,
    ]);
    if (!sessions.ok) return set({ error: sessions.error });
    const tableSessions = sessions.value.filter((session) => session.kind !== 'focus_group');
    const current = tableSessions.some((session) => session.id === sessionId) ? sessionId : null;
    if (!current || !view)
      return set({ sessions: tableSessions, sessionId: null, view: null, carried: [], error: null });
    if (get().initiativeId !== initiativeId || get().sessionId !== current) return;
    if (!view.ok) return set({ error: view.error });
    set({
      sessions: tableSessions,
      view: movedLive ? { ...view.value, live: movedLive } : view.value,
      carried: carried?.ok ? carried.value : [],
      error: null,
    });
  }

  return {
    initiativeId: null,
    sessions: [],
    sessionId: null,
    view: null,
    carried: [],
    error: null,
    planShown: sessionStorage.getItem(planShownKey),

    showPlan(planShown) {
      if (planShown) sessionStorage.setItem(planShownKey, planShown);
      else sessionStorage.removeItem(planShownKey);
      set({ planShown });
    },

    async open(initiativeId) {
      if (get().initiativeId !== initiativeId) {
        set({ initiativeId, sessionId: localStorage.getItem(selectedKey), view: null, sessions: [], carried: [] });
      }
      await get().refetch();
    },

    async select(sessionId) {
      if (sessionId) localStorage.setItem(selectedKey, sessionId);
      else localStorage.removeItem(selectedKey);
      set({ sessionId, view: null, carried: [] });
      await get().refetch();
    },

    refetch: coalesced(fetchAll),

    async act(channel, input) {
      const initiativeId = get().initiativeId;
      if (!initiativeId) return { ok: false, error: { code: 'not_found', message: 'No initiative is open.' } };
      const result = await call(channel, { ...input, initiativeId } as ChannelInput<typeof channel>);
      await get().refetch();
      return result;
    },

    move(by) {
      const latest = get().view;
      if (!latest) return;
      const at = Math.max(
        0,
        latest.items.findIndex((item) => item.id === latest.live.currentItemId),
      );
      const next = latest.items[at + by];
      if (!next) return;
      const running = latest.live.timerStartedAt !== null;
      const live = {
        ...latest.live,
        currentItemId: next.id,
        elapsedMs: 0,
        timerStartedAt: running ? Date.now() : null,
      };
      movesInFlight += 1;
      movedLive = live;
      set({ view: { ...latest, live } });
      void get()
        .act('meeting.goTo', { sessionId: latest.session.id, itemId: next.id })
        .finally(() => {
          movesInFlight -= 1;
          if (movesInFlight === 0) {
            movedLive = null;
            void get().refetch();
          }
        });
    },
  };
});

/** Tables whose change means the Sessions section should refetch. */
export const meetingTables = [
  'sessions',
  'agenda_items',
  'attendance',
  'decisions',
  'decision_notes',
  'action_items',
  'parking_lot',
  'live_sessions',
  'carried_notes',
  'partners',
];

/** Milliseconds the current item's timer has run, at `now`. */
export function elapsedOf(view: MeetingView, now: number): number {
  const { timerStartedAt, elapsedMs } = view.live;
  return elapsedMs + (timerStartedAt === null ? 0 : Math.max(0, now - timerStartedAt));
}
