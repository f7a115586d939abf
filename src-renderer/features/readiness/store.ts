import { create } from 'zustand';
import type {
  ApiError,
  BenchmarkMark,
  EvidenceChoice,
  Instrument,
  InstrumentDraft,
  PhaseTracker,
  Result,
  Round,
  RoundDraft,
  RoundResults,
  Sheet,
  SheetDraft,
} from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { writeThenRefetch } from '../../api/write-then-refetch';

/** Tables whose change notices make this store refetch. */
export const readinessTables = [
  'readiness_instruments',
  'readiness_sections',
  'readiness_items',
  'readiness_rounds',
  'readiness_sheets',
  'phase_benchmarks',
  'phase_history',
  'initiative',
  'decisions',
  'sessions',
  'indicators',
  'custom_benchmarks',
];

type Phase = PhaseTracker['phase'];

interface ReadinessState {
  initiativeId: string | null;
  instruments: Instrument[];
  rounds: Round[];
  tracker: PhaseTracker | null;
  evidence: EvidenceChoice[];
  /** The round open on screen, its sheets and results. */
  roundId: string | null;
  sheets: Sheet[];
  results: RoundResults | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ApiError | null;
  load(initiativeId: string): Promise<void>;
  refetch(): Promise<void>;
  openRound(roundId: string | null): Promise<void>;
  createInstrument(draft: InstrumentDraft): Promise<Result<Instrument>>;
  updateItem(itemId: string, text: string): Promise<ApiError | null>;
  addItem(sectionId: string, text: string): Promise<ApiError | null>;
  removeItem(itemId: string): Promise<ApiError | null>;
  createRound(round: RoundDraft): Promise<Result<Round>>;
  saveSheet(roundId: string, sheet: SheetDraft): Promise<ApiError | null>;
  mark(benchmarkId: string, mark: BenchmarkMark): Promise<ApiError | null>;
  move(phase: Phase, enteredOn: string, note: string): Promise<ApiError | null>;
}

/** Instruments, rounds, the open round's results and the phase tracker. Writes go through the API, then refetch. */
export const useReadiness = create<ReadinessState>((set, get) => {
  const { write, errorOf } = writeThenRefetch(get);

  return {
    initiativeId: null,
    instruments: [],
    rounds: [],
    tracker: null,
    evidence: [],
    roundId: null,
    sheets: [],
    results: null,
    status: 'idle',
    error: null,

    async load(initiativeId) {
      if (get().initiativeId !== initiativeId)
        set({
          initiativeId,
          instruments: [],
          rounds: [],
          tracker: null,
          roundId: null,
          sheets: [],
          results: null,
          status: 'loading',
        });
      await get().refetch();
    },

    async refetch() {
      const initiativeId = get().initiativeId;
      if (!initiativeId) return;
      const roundId = get().roundId;
      const [instruments, rounds, tracker, evidence, sheets, results] = await Promise.all([
        call('readiness.instruments.list', { initiativeId }),
        call('readiness.rounds.list', { initiativeId }),
        call('readiness.phases.get', { initiativeId }),
        call('readiness.evidence.choices', { initiativeId }),
        roundId ? call('readiness.sheets.list', { initiativeId, roundId }) : null,
        roundId ? call('readiness.results', { initiativeId, roundId }) : null,
      ]);
      if (get().initiativeId !== initiativeId) return;
      if (!instruments.ok) return set({ status: 'error', error: instruments.error });
      if (!rounds.ok) return set({ status: 'error', error: rounds.error });
      if (!tracker.ok) return set({ status: 'error', error: tracker.error });
      if (!evidence.ok) return set({ status: 'error', error: evidence.error });
      const sameRound = get().roundId === roundId;
      set({
        instruments: instruments.value,
        rounds: rounds.value,
        tracker: tracker.value,
        evidence: evidence.value,
        sheets: sameRound && sheets?.ok ? sheets.value : get().sheets,
        results: sameRound && results?.ok ? results.value : get().results,
        status: 'ready',
        error: null,
      });
    },

    async openRound(roundId) {
      set({ roundId, sheets: [], results: null });
      await get().refetch();
    },

    createInstrument: (draft) =>
      write((initiativeId) => call('readiness.instruments.create', { initiativeId, instrument: draft })),
    updateItem: (itemId, text) =>
      errorOf(write((initiativeId) => call('readiness.items.update', { initiativeId, itemId, text }))),
    addItem: (sectionId, text) =>
      errorOf(write((initiativeId) => call('readiness.items.add', { initiativeId, sectionId, text }))),
    removeItem: (itemId) => errorOf(write((initiativeId) => call('readiness.items.delete', { initiativeId, itemId }))),
    createRound: (round) => write((initiativeId) => call('readiness.rounds.create', { initiativeId, round })),
    saveSheet: (roundId, sheet) =>
      errorOf(write((initiativeId) => call('readiness.sheets.save', { initiativeId, roundId, sheet }))),
    mark: (benchmarkId, mark) =>
      errorOf(write((initiativeId) => call('readiness.benchmarks.mark', { initiativeId, benchmarkId, mark }))),
    move: (phase, enteredOn, note) =>
      errorOf(write((initiativeId) => call('readiness.phases.move', { initiativeId, phase, enteredOn, note }))),
  };
});
