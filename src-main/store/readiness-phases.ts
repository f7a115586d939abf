import { v7 as uuidv7 } from 'uuid';
import { phases, type Initiative } from '../contract/models';
import { BenchmarkMark, evidenceKinds, type Benchmark, type PhaseStep, type PhaseTracker } from '../contract/readiness';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { builtinBenchmarks } from './readiness-builtins';
import { asPhase, oneOf, text } from './rows';
import type { WritePath } from './write-path';

interface MarkRow {
  id: string;
  met: number | null;
  met_on: string | null;
  evidence_kind: string | null;
  evidence_id: string | null;
  evidence_text: string | null;
}
interface StepRow {
  id: string;
  phase: string | null;
  entered_on: string | null;
  note: string | null;
}

/** The phase tracker: benchmarks per phase marked met with dated evidence, and the phase history. */
export function createPhaseRepository(db: Db, writePath: WritePath, initiative: () => Initiative) {
  const selectMarks = db.prepare(
    'SELECT id, met, met_on, evidence_kind, evidence_id, evidence_text FROM phase_benchmarks WHERE tombstone = 0',
  );
  const selectSteps = db.prepare(
    'SELECT id, phase, entered_on, note FROM phase_history WHERE tombstone = 0 ORDER BY entered_on, id',
  );
  const titleOf = {
    decision: db.prepare('SELECT text FROM decisions WHERE id = ? AND tombstone = 0').pluck(),
    session: db.prepare('SELECT title FROM sessions WHERE id = ? AND tombstone = 0').pluck(),
    indicator: db.prepare('SELECT name FROM indicators WHERE id = ? AND tombstone = 0').pluck(),
  };

  const selectCustom = db.prepare('SELECT id, phase, text FROM custom_benchmarks WHERE tombstone = 0 ORDER BY id');
  const customRow = db.prepare('SELECT id, tombstone FROM custom_benchmarks WHERE id = ?');

  /** The built-in benchmarks, then those the facilitator added, each phase's in the order added. */
  function allBenchmarks(): { id: string; phase: (typeof phases)[number]; text: Benchmark['text'] }[] {
    const custom = (selectCustom.all() as { id: string; phase: string | null; text: string | null }[]).map((row) => {
      const words = text(row.text);
      // Typed in one language: every language shows the words as typed.
      return { id: row.id, phase: asPhase(row.phase), text: { en: words, es: words, fr: words, ar: words } };
    });
    return [...builtinBenchmarks, ...custom];
  }

  function evidenceTitle(kind: string | null, id: string | null): string | null {
    if (id === null || (kind !== 'decision' && kind !== 'session' && kind !== 'indicator')) return null;
    const title = titleOf[kind].get(id) as string | null | undefined;
    return typeof title === 'string' ? title : null;
  }

  function tracker(): PhaseTracker {
    const marks = new Map((selectMarks.all() as MarkRow[]).map((row) => [row.id, row]));
    const benchmarks = allBenchmarks().map((builtin): Benchmark => {
      const mark = marks.get(builtin.id);
      const met = mark?.met === 1;
      const kind = met ? oneOf(evidenceKinds, mark?.evidence_kind, 'note') : null;
      const evidenceId = met && kind !== 'note' ? (mark?.evidence_id ?? null) : null;
      return {
        id: builtin.id,
        phase: builtin.phase,
        text: builtin.text,
        met,
        metOn: met ? text(mark?.met_on) || null : null,
        evidenceKind: kind,
        evidenceId,
        // A linked record reads as it is titled now; a note as written.
        evidenceText: met ? (evidenceTitle(kind, evidenceId) ?? text(mark?.evidence_text)) : '',
      };
    });
    const history = (selectSteps.all() as StepRow[]).map((row): PhaseStep => ({
      id: row.id,
      phase: asPhase(row.phase),
      enteredOn: text(row.entered_on),
      note: text(row.note),
    }));
    return { phase: initiative().phase, benchmarks, history };
  }

  function mark(benchmarkId: string, draft: BenchmarkMark): PhaseTracker {
    if (!allBenchmarks().some((benchmark) => benchmark.id === benchmarkId))
      throw new AppError('not_found', 'No benchmark with that id.');
    const { met, metOn, evidenceKind, evidenceId, evidenceText } = BenchmarkMark.parse(draft);
    let words = evidenceText.trim();
    if (met && evidenceKind !== 'note') {
      const title = evidenceTitle(evidenceKind, evidenceId);
      if (title === null) throw new AppError('not_found', 'The evidence named is not in this initiative.');
      // Kept with the mark, so the evidence still reads if the record is deleted later.
      words = title;
    }
    writePath.write([
      {
        table: 'phase_benchmarks',
        row: benchmarkId,
        values: met
          ? {
              met: 1,
              met_on: metOn,
              evidence_kind: evidenceKind,
              evidence_id: evidenceKind === 'note' ? null : evidenceId,
              evidence_text: words,
              tombstone: 0,
            }
          : { met: 0, tombstone: 0 },
      },
    ]);
    return tracker();
  }

  /** Moves the initiative to a phase and writes the step into its history, in one write. */
  function move(phase: (typeof phases)[number], enteredOn: string, note: string): PhaseTracker {
    writePath.write([
      { table: 'initiative', row: initiative().id, values: { phase } },
      { table: 'phase_history', row: uuidv7(), values: { phase, entered_on: enteredOn, note, tombstone: 0 } },
    ]);
    return tracker();
  }

  /** A benchmark of the facilitator's own for a phase; a repeated request with the same id adds nothing. */
  function addBenchmark(phase: (typeof phases)[number], words: string, id: string = uuidv7()): PhaseTracker {
    const stored = customRow.get(id) as { tombstone: number } | undefined;
    if (stored?.tombstone === 1) throw new AppError('not_found', 'That benchmark was removed.');
    if (!stored)
      writePath.write([{ table: 'custom_benchmarks', row: id, values: { phase, text: words, tombstone: 0 } }]);
    return tracker();
  }

  return { tracker, mark, move, addBenchmark };
}

export type PhaseRepository = ReturnType<typeof createPhaseRepository>;
