import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhaseTracker } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { useReadiness } from './store';

/** A benchmark of the initiative's own for one phase, beside the built-in three. */
export function AddBenchmark({ phase }: { phase: PhaseTracker['phase'] }) {
  const { t } = useTranslation();
  const initiativeId = useReadiness((state) => state.initiativeId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const phaseName = t(`phases.${phase}`);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!initiativeId) return;
    if (text.trim() === '') return setError(t('errors.required'));
    const result = await call('readiness.benchmarks.add', { initiativeId, phase, text });
    if (!result.ok) return setError(describeError(result.error));
    setText('');
    setError(null);
    await useReadiness.getState().refetch();
  }

  return (
    <form
      className="readiness__move"
      aria-label={t('readiness.edits.addBenchmarkTo', { phase: phaseName })}
      onSubmit={add}
    >
      <Field label={t('readiness.edits.newBenchmark')} error={error}>
        {(props) => <input {...props} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <button type="submit" className="button">
        {t('readiness.edits.addBenchmark')}
      </button>
    </form>
  );
}
