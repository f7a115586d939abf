import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { periodFits, type Indicator } from '../../../src-main/contract/index';
import { Field } from '../../components/Field';
import { useAutosave } from '../../components/useAutosave';
import { describeError } from '../../i18n/index';
import { readFigure } from './grid-values';
import { exampleKey } from './labels';
import { useMeasures } from './store';

/** Targets per period: each value saved as typed; emptying one removes that target. */
export function TargetsEditor({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const setTarget = useMeasures((state) => state.setTarget);
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    const figure = readFigure(value);
    if (!periodFits(indicator.reportingPeriod, period.trim()))
      return setError(t('measures.errors.period', { example: t(exampleKey[indicator.reportingPeriod]) }));
    if (figure === null || Number.isNaN(figure)) return setError(t('measures.errors.figure'));
    const failure = await setTarget(indicator.id, period.trim(), figure);
    if (failure) return setError(describeError(failure));
    setPeriod('');
    setValue('');
    setError(null);
  }

  return (
    <fieldset className="measures__checks">
      <legend>{t('measures.targets.title')}</legend>
      {indicator.targets.map((target) => (
        <TargetValue key={target.period} indicatorId={indicator.id} period={target.period} value={target.value} />
      ))}
      <form className="measures__open-period" aria-label={t('measures.targets.add')} onSubmit={add}>
        <Field label={t('measures.targets.period')} hint={t(exampleKey[indicator.reportingPeriod])}>
          {(props) => <input {...props} value={period} onChange={(e) => setPeriod(e.target.value)} />}
        </Field>
        <Field label={t('measures.targets.value')} error={error}>
          {(props) => <input {...props} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
        <button type="submit" className="button button--small">
          {t('measures.targets.add')}
        </button>
      </form>
    </fieldset>
  );
}

function TargetValue({ indicatorId, period, value }: { indicatorId: string; period: string; value: number }) {
  const { t } = useTranslation();
  const setTarget = useMeasures((state) => state.setTarget);
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const saveNow = useAutosave(
    useCallback(
      async (figure: number | null) => {
        const failure = await setTarget(indicatorId, period, figure);
        setError(failure ? describeError(failure) : null);
      },
      [indicatorId, period, setTarget],
    ),
  );
  function change(next: string) {
    setDraft(next);
    const figure = readFigure(next);
    if (Number.isNaN(figure)) return setError(t('measures.errors.figure'));
    setError(null);
    saveNow(figure);
  }
  return (
    <Field label={t('measures.targets.valueFor', { period })} error={error}>
      {(props) => <input {...props} inputMode="decimal" value={draft} onChange={(e) => change(e.target.value)} />}
    </Field>
  );
}
