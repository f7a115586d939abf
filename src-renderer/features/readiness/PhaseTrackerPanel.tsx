import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { evidenceKinds, phases, type Benchmark, type EvidenceKind } from '../../../src-main/contract/index';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { AddBenchmark } from './AddBenchmark';
import { evidenceKeys, shownText, today } from './labels';
import { useReadiness } from './store';

/** Marking one benchmark met: the date, and the record (or the note) that shows it. */
function MarkForm({ benchmark, onDone }: { benchmark: Benchmark; onDone: () => void }) {
  const { t } = useTranslation();
  const { evidence, mark } = useReadiness(useShallow((state) => ({ evidence: state.evidence, mark: state.mark })));
  const [metOn, setMetOn] = useState(today);
  const [kind, setKind] = useState<EvidenceKind>('decision');
  const [evidenceId, setEvidenceId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const choices = evidence.filter((choice) => choice.kind === kind);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (kind === 'note' ? note.trim() === '' : evidenceId === '') return setError(t('readiness.phases.evidenceNeeded'));
    const failure = await mark(benchmark.id, {
      met: true,
      metOn,
      evidenceKind: kind,
      evidenceId: kind === 'note' ? null : evidenceId,
      evidenceText: kind === 'note' ? note : '',
    });
    if (failure) return setError(describeError(failure));
    onDone();
  }

  return (
    <form className="readiness__mark" aria-label={t('readiness.phases.markTitle')} onSubmit={save}>
      <Field label={t('readiness.phases.metOn')}>
        {(props) => <input {...props} type="date" value={metOn} onChange={(e) => setMetOn(e.target.value)} />}
      </Field>
      <Field label={t('readiness.phases.evidenceKind')}>
        {(props) => (
          <select
            {...props}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as EvidenceKind);
              setEvidenceId('');
            }}
          >
            {evidenceKinds.map((one) => (
              <option key={one} value={one}>
                {t(evidenceKeys[one])}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === 'note' ? (
        <Field label={t('readiness.phases.noteText')} error={error}>
          {(props) => <textarea {...props} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      ) : (
        <Field label={t('readiness.phases.evidenceRecord')} error={error}>
          {(props) => (
            <select {...props} value={evidenceId} onChange={(e) => setEvidenceId(e.target.value)}>
              <option value="">
                {choices.length === 0 ? t('readiness.phases.noRecords') : t('readiness.phases.pick')}
              </option>
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <button type="submit" className="button button--primary">
        {t('readiness.phases.saveMark')}
      </button>
      <button type="button" className="button button--ghost" onClick={onDone}>
        {t('readiness.phases.cancel')}
      </button>
    </form>
  );
}

function BenchmarkRow({ benchmark }: { benchmark: Benchmark }) {
  const { t, i18n } = useTranslation();
  const mark = useReadiness((state) => state.mark);
  const [marking, setMarking] = useState(false);
  const text = shownText('', benchmark.text, i18n.language);
  return (
    <li className={benchmark.met ? 'readiness__benchmark readiness__benchmark--met' : 'readiness__benchmark'}>
      <p>
        <span aria-hidden="true">{benchmark.met ? '✓ ' : '○ '}</span>
        {text}
      </p>
      {benchmark.met && benchmark.evidenceKind ? (
        <p className="field__hint">
          {t('readiness.phases.metWith', {
            date: benchmark.metOn ?? '',
            kind: t(evidenceKeys[benchmark.evidenceKind]),
            evidence: benchmark.evidenceText,
          })}{' '}
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void mark(benchmark.id, { met: false })}
          >
            {t('readiness.phases.unmark')}
          </button>
        </p>
      ) : marking ? (
        <MarkForm benchmark={benchmark} onDone={() => setMarking(false)} />
      ) : (
        <button
          type="button"
          className="button"
          aria-label={t('readiness.phases.markLabel', { benchmark: text })}
          onClick={() => setMarking(true)}
        >
          {t('readiness.phases.mark')}
        </button>
      )}
    </li>
  );
}

/** The five phases with their benchmarks, the move to a next phase, and the initiative's phase history. */
export function PhaseTrackerPanel() {
  const { t } = useTranslation();
  const { tracker, move } = useReadiness(useShallow((state) => ({ tracker: state.tracker, move: state.move })));
  const [phase, setPhase] = useState<(typeof phases)[number] | ''>('');
  const [enteredOn, setEnteredOn] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!tracker) return null;

  async function moveTo(event: FormEvent) {
    event.preventDefault();
    const next = phase || tracker?.phase;
    if (!next) return;
    const failure = await move(next, enteredOn, note);
    if (failure) return setError(describeError(failure));
    setNote('');
    setError(null);
  }

  return (
    <div className="readiness__phases">
      <section className="card" aria-label={t('readiness.phases.current')}>
        <h2>{t('readiness.phases.currentIs', { phase: t(`phases.${tracker.phase}`) })}</h2>
        <form className="readiness__move" aria-label={t('readiness.phases.moveTitle')} onSubmit={moveTo}>
          <Field label={t('readiness.phases.moveTo')} error={error}>
            {(props) => (
              <select
                {...props}
                value={phase || tracker.phase}
                onChange={(e) => setPhase(e.target.value as (typeof phases)[number])}
              >
                {phases.map((one) => (
                  <option key={one} value={one}>
                    {t(`phases.${one}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('readiness.phases.since')}>
            {(props) => (
              <input {...props} type="date" value={enteredOn} onChange={(e) => setEnteredOn(e.target.value)} />
            )}
          </Field>
          <Field label={t('readiness.phases.why')}>
            {(props) => <input {...props} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <button type="submit" className="button button--primary">
            {t('readiness.phases.move')}
          </button>
        </form>
      </section>
      {phases.map((one) => (
        <section key={one} className="card" aria-label={t(`phases.${one}`)}>
          <h3>
            {t(`phases.${one}`)}
            {one === tracker.phase ? <span className="readiness__here"> {t('readiness.phases.here')}</span> : null}
          </h3>
          <ul className="readiness__benchmarks">
            {tracker.benchmarks
              .filter((benchmark) => benchmark.phase === one)
              .map((benchmark) => (
                <BenchmarkRow key={benchmark.id} benchmark={benchmark} />
              ))}
          </ul>
          <AddBenchmark phase={one} />
        </section>
      ))}
      <section className="card" aria-label={t('readiness.phases.history')}>
        <h2>{t('readiness.phases.history')}</h2>
        {tracker.history.length === 0 ? <p className="field__hint">{t('readiness.phases.noHistory')}</p> : null}
        <ol className="readiness__timeline">
          {tracker.history.map((step) => (
            <li key={step.id}>
              <time dateTime={step.enteredOn}>{step.enteredOn}</time> <strong>{t(`phases.${step.phase}`)}</strong>
              {step.note ? <span> — {step.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
