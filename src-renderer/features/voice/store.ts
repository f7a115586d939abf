import { create } from 'zustand';
import type {
  ApiError,
  Participant,
  ParticipantPatch,
  Result,
  Session,
  Theme,
  VoiceNote,
} from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { writeThenRefetch } from '../../api/write-then-refetch';
import { coalesced } from '../../api/coalesce';

interface VoiceState {
  initiativeId: string | null;
  /** The focus group whose own screen is open. */
  focusGroupId: string | null;
  participants: Participant[];
  notes: VoiceNote[];
  /** The focus group's own sessions. */
  sessions: Session[];
  /** Sessions notes can be carried to: roundtables and meetings. */
  tableSessions: Session[];
  themes: Theme[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ApiError | null;
  open(initiativeId: string, focusGroupId: string | null): Promise<void>;
  refetch(): Promise<void>;
  addParticipant(pseudonym?: string): Promise<Result<Participant>>;
  updateParticipant(participantId: string, patch: ParticipantPatch): Promise<ApiError | null>;
  withdraw(participantId: string): Promise<ApiError | null>;
  reinstate(participantId: string): Promise<ApiError | null>;
}

/**
 * One focus group's own screen: its participants, every note (internal-only and withdrawn ones
 * included, because this is the one place they belong), its sessions, and the codebook.
 */
export const useVoice = create<VoiceState>((set, get) => {
  const { write, errorOf } = writeThenRefetch(get);

  async function fetchAll() {
    const { initiativeId, focusGroupId } = get();
    if (!initiativeId) return;
    const [themes, sessions] = await Promise.all([
      call('themes.list', { initiativeId }),
      call('sessions.list', { initiativeId, filter: {} }),
    ]);
    if (!themes.ok) return set({ status: 'error', error: themes.error });
    if (!sessions.ok) return set({ status: 'error', error: sessions.error });
    const tableSessions = sessions.value.filter((session) => session.kind !== 'focus_group');
    if (!focusGroupId) {
      return set({ themes: themes.value, tableSessions, participants: [], notes: [], sessions: [], status: 'ready' });
    }
    const [participants, notes] = await Promise.all([
      call('participants.list', { initiativeId, focusGroupId }),
      call('voice.notes', { initiativeId, focusGroupId }),
    ]);
    if (get().initiativeId !== initiativeId || get().focusGroupId !== focusGroupId) return;
    if (!participants.ok) return set({ status: 'error', error: participants.error });
    if (!notes.ok) return set({ status: 'error', error: notes.error });
    set({
      themes: themes.value,
      tableSessions,
      sessions: sessions.value.filter((session) => session.groupId === focusGroupId),
      participants: participants.value,
      notes: notes.value,
      status: 'ready',
      error: null,
    });
  }

  return {
    initiativeId: null,
    focusGroupId: null,
    participants: [],
    notes: [],
    sessions: [],
    tableSessions: [],
    themes: [],
    status: 'idle',
    error: null,

    async open(initiativeId, focusGroupId) {
      const state = get();
      if (state.initiativeId !== initiativeId || state.focusGroupId !== focusGroupId) {
        set({ initiativeId, focusGroupId, participants: [], notes: [], sessions: [], status: 'loading' });
      }
      await get().refetch();
    },

    refetch: coalesced(fetchAll),

    addParticipant: (pseudonym) => {
      const focusGroupId = get().focusGroupId;
      if (!focusGroupId)
        return Promise.resolve({ ok: false, error: { code: 'not_found', message: 'No focus group.' } });
      return write((initiativeId) =>
        call('participants.create', { initiativeId, participant: { focusGroupId, pseudonym } }),
      );
    },
    updateParticipant: (participantId, patch) =>
      errorOf(write((initiativeId) => call('participants.update', { initiativeId, participantId, patch }))),
    withdraw: (participantId) =>
      errorOf(write((initiativeId) => call('participants.withdraw', { initiativeId, participantId }))),
    reinstate: (participantId) =>
      errorOf(write((initiativeId) => call('participants.reinstate', { initiativeId, participantId }))),
  };
});

/** Tables whose change means the voice screens should refetch. */
export const voiceTables = [
  'participants',
  'participant_names',
  'voice_notes',
  'themes',
  'note_themes',
  'carried_notes',
  'sessions',
  'groups',
];
