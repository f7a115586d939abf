import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { DimensionsEditor } from './DimensionsEditor';
import { EntryGrid } from './EntryGrid';
import { IndicatorCharts } from './IndicatorCharts';
import { IndicatorForm } from './IndicatorForm';
import { ReadingsFiles } from './ReadingsFiles';
import { Scorecard } from './Scorecard';
import { useMeasures } from './store';
import { IndicatorTrail } from './IndicatorTrail';
import './measures.css';

/** Shared measurement: the list of indicators, one indicator's details, and its entry grid. */
export function MeasuresSection({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const { indicators, scorecard, status, load, createIndicator } = useMeasures(
    useShallow((state) => ({
      indicators: state.indicators,
      scorecard: state.scorecard,
      status: state.status,
      load: state.load,
      createIndicator: state.createIndicator,
    })),
  );
  const [openId, setOpenId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void load(initiativeId);
  }, [initiativeId, load]);

  const open = indicators.find((indicator) => indicator.id === openId) ?? null;

  async function add(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') {
      setError(t('errors.required'));
      nameRef.current?.focus();
      return;
    }
    const result = await createIndicator({ name });
    if (!result.ok) return setError(describeError(result.error));
    setName('');
    setError(null);
    setOpenId(result.value.id);
  }

  return (
    <section className="screen measures" aria-labelledby="measures-title">
      <header className="screen__header">
        <h1 id="measures-title">{t('nav.measures')}</h1>
        <p className="screen__meta">{t('measures.intro')}</p>
      </header>
      <div className="measures__layout">
        <div className="measures__side">
          <form className="card" aria-label={t('measures.new.title')} onSubmit={add}>
            <h2>{t('measures.new.title')}</h2>
            <Field label={t('measures.fields.name')} error={error}>
              {(props) => (
                <input
                  {...props}
                  ref={nameRef}
                  value={name}
                  maxLength={200}
                  onChange={(e) => setName(e.target.value)}
                />
              )}
            </Field>
            <button type="submit" className="button button--primary">
              {t('measures.new.add')}
            </button>
          </form>
          <nav className="card" aria-label={t('measures.list.title')}>
            <h2>{t('measures.list.title')}</h2>
            <button
              type="button"
              className={openId === null ? 'button button--ghost measures__current' : 'button button--ghost'}
              aria-current={openId === null ? 'true' : undefined}
              onClick={() => setOpenId(null)}
            >
              {t('measures.scorecard.title')}
            </button>
            {status === 'ready' && indicators.length === 0 ? (
              <p className="field__hint">{t('measures.list.empty')}</p>
            ) : null}
            <ul className="measures__list">
              {indicators.map((indicator) => (
                <li key={indicator.id}>
                  <button
                    type="button"
                    className={
                      indicator.id === openId ? 'button button--ghost measures__current' : 'button button--ghost'
                    }
                    aria-current={indicator.id === openId ? 'true' : undefined}
                    onClick={() => setOpenId(indicator.id)}
                  >
                    {indicator.name}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <DimensionsEditor />
          <ReadingsFiles initiativeId={initiativeId} />
        </div>
        <div className="measures__main">
          {open ? (
            <>
              <IndicatorCharts indicator={open} />
              <IndicatorForm key={open.id} indicator={open} />
              <EntryGrid key={`grid-${open.id}`} indicator={open} />
              <IndicatorTrail key={`trail-${open.id}`} indicatorId={open.id} />
            </>
          ) : (
            <>
              <p className="card card--quiet">{t('measures.pick')}</p>
              <Scorecard rows={scorecard} onOpen={setOpenId} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
