import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  indicatorKinds,
  performanceQuestions,
  periodFits,
  polarities,
  reportingPeriods,
  type Indicator,
  type IndicatorPatch,
} from '../../../src-main/contract/index';
import { AutosaveText } from '../../components/AutosaveText';
import { Field } from '../../components/Field';
import { useAutosave } from '../../components/useAutosave';
import { describeError } from '../../i18n/index';
import { useGroups } from '../groups/store';
import { usePartners } from '../partners/store';
import { readFigure } from './grid-values';
import { kindKey, questionKey, polarityKey, periodKey, exampleKey } from './labels';
import { useMeasures } from './store';
import { TargetsEditor } from './TargetsEditor';
import { longTextLimit } from '../../components/TooLongNotice';

/** An indicator's definition. Every field is saved as it is typed or chosen, like the other forms. */
export function IndicatorForm({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const initiativeId = useMeasures((state) => state.initiativeId);
  const update = useMeasures((state) => state.updateIndicator);
  const dimensions = useMeasures((state) => state.dimensions);
  const partners = usePartners((state) => state.partners);
  const groups = useGroups((state) => state.groups);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!initiativeId) return;
    void usePartners.getState().load(initiativeId);
    void useGroups.getState().load(initiativeId);
  }, [initiativeId]);

  const save = useCallback((patch: IndicatorPatch) => update(indicator.id, patch), [indicator.id, update]);
  const choose = async (patch: IndicatorPatch) => {
    const failure = await save(patch);
    setError(failure ? describeError(failure) : null);
  };

  return (
    <section className="card" aria-labelledby="indicator-title">
      <h2 id="indicator-title">{t('measures.form.title', { name: indicator.name })}</h2>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="measures__form">
        <AutosaveText
          label={t('measures.fields.name')}
          value={indicator.name}
          required
          save={(name) => save({ name })}
        />
        <AutosaveText label={t('measures.fields.unit')} value={indicator.unit} save={(unit) => save({ unit })} />
        <Choice
          label={t('measures.fields.kind')}
          value={indicator.kind}
          options={indicatorKinds.map((kind) => [kind, t(kindKey[kind])])}
          onChange={(kind) => void choose({ kind })}
        />
        {indicator.kind === 'performance' ? (
          <Choice
            label={t('measures.fields.question')}
            value={indicator.question ?? ''}
            options={[
              ['', t('measures.questions.none')],
              ...performanceQuestions.map((q): [string, string] => [q, t(questionKey[q])]),
            ]}
            onChange={(question) =>
              void choose({ question: question === '' ? null : (question as Indicator['question']) })
            }
          />
        ) : null}
        <Choice
          label={t('measures.fields.polarity')}
          value={indicator.polarity}
          options={polarities.map((p) => [p, t(polarityKey[p])])}
          onChange={(polarity) => void choose({ polarity })}
        />
        <Choice
          label={t('measures.fields.reportingPeriod')}
          value={indicator.reportingPeriod}
          options={reportingPeriods.map((p) => [p, t(periodKey[p])])}
          onChange={(reportingPeriod) => void choose({ reportingPeriod })}
        />
        <AutosaveText
          label={t('measures.fields.dataSource')}
          value={indicator.dataSource}
          save={(dataSource) => save({ dataSource })}
        />
        <AutosaveText
          label={t('measures.fields.strategy')}
          value={indicator.strategy}
          save={(strategy) => save({ strategy })}
        />
        <Choice
          label={t('measures.fields.group')}
          value={indicator.groupId ?? ''}
          options={[['', t('measures.fields.noGroup')], ...groups.map((g): [string, string] => [g.id, g.name])]}
          onChange={(groupId) => void choose({ groupId: groupId || null })}
        />
      </div>
      <AutosaveText
        label={t('measures.fields.definition')}
        value={indicator.definition}
        multiline
        maxLength={longTextLimit}
        save={(definition) => save({ definition })}
      />
      <CheckList
        legend={t('measures.fields.dimensions')}
        empty={t('measures.fields.noDimensions')}
        options={dimensions}
        chosen={indicator.dimensionIds}
        onChange={(dimensionIds) => choose({ dimensionIds })}
      />
      <CheckList
        legend={t('measures.fields.owners')}
        options={partners.filter((partner) => partner.kind === 'organisation')}
        chosen={indicator.ownerIds}
        onChange={(ownerIds) => choose({ ownerIds })}
      />
      <Baseline indicator={indicator} />
      <TargetsEditor indicator={indicator} />
      <AutosaveText
        label={t('measures.fields.notes')}
        value={indicator.notes}
        multiline
        maxLength={longTextLimit}
        save={(notes) => save({ notes })}
      />
    </section>
  );
}

function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly (readonly [T | string, string])[];
  onChange(value: T): void;
}) {
  return (
    <Field label={label}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {options.map(([option, text]) => (
            <option key={option} value={option}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Baseline period and value: saved as soon as both make sense together; an empty pair clears it. */
function Baseline({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const update = useMeasures((state) => state.updateIndicator);
  const [period, setPeriod] = useState(indicator.baseline?.period ?? '');
  const [value, setValue] = useState(indicator.baseline ? String(indicator.baseline.value) : '');
  const [error, setError] = useState<string | null>(null);
  const saveNow = useAutosave(
    useCallback(
      async (baseline: Indicator['baseline']) => {
        const failure = await update(indicator.id, { baseline });
        setError(failure ? describeError(failure) : null);
      },
      [indicator.id, update],
    ),
  );
  function change(nextPeriod: string, nextValue: string) {
    setPeriod(nextPeriod);
    setValue(nextValue);
    const figure = readFigure(nextValue);
    if (nextPeriod.trim() === '' && figure === null) return saveNow(null);
    if (!periodFits(indicator.reportingPeriod, nextPeriod.trim()))
      return setError(t('measures.errors.period', { example: t(exampleKey[indicator.reportingPeriod]) }));
    if (figure === null || Number.isNaN(figure)) return setError(t('measures.errors.figure'));
    setError(null);
    saveNow({ period: nextPeriod.trim(), value: figure });
  }
  return (
    <fieldset className="measures__baseline">
      <legend>{t('measures.fields.baseline')}</legend>
      <Field label={t('measures.fields.baselinePeriod')} hint={t(exampleKey[indicator.reportingPeriod])}>
        {(props) => <input {...props} value={period} onChange={(e) => change(e.target.value, value)} />}
      </Field>
      <Field label={t('measures.fields.baselineValue')} error={error}>
        {(props) => (
          <input {...props} inputMode="decimal" value={value} onChange={(e) => change(period, e.target.value)} />
        )}
      </Field>
    </fieldset>
  );
}

/**
 * Checkboxes that show a tick at once and save the whole list. The local list holds while any of
 * its saves is still on its way (a refetch after the first of two quick ticks would otherwise show
 * the second unticked until its own save came back); then the stored list takes over.
 */
function CheckList({
  legend,
  empty,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  empty?: string;
  options: readonly { id: string; name: string }[];
  chosen: string[];
  onChange(ids: string[]): Promise<void>;
}) {
  const [local, setLocal] = useState<{ ids: string[]; saving: number } | null>(null);
  const ids = local ? local.ids : chosen;
  function toggle(id: string, on: boolean) {
    const next = on ? [...ids, id] : ids.filter((x) => x !== id);
    setLocal((held) => ({ ids: next, saving: (held?.saving ?? 0) + 1 }));
    void onChange(next).finally(() =>
      setLocal((held) => (held && held.saving > 1 ? { ...held, saving: held.saving - 1 } : null)),
    );
  }
  return (
    <fieldset className="measures__checks">
      <legend>{legend}</legend>
      {options.length === 0 && empty ? <p className="field__hint">{empty}</p> : null}
      {options.map((option) => (
        <label key={option.id}>
          <input
            type="checkbox"
            checked={ids.includes(option.id)}
            onChange={(e) => toggle(option.id, e.target.checked)}
          />{' '}
          {option.name}
        </label>
      ))}
    </fieldset>
  );
}
