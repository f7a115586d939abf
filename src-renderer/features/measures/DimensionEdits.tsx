import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { useToast } from '../../components/Toast';
import { describeError } from '../../i18n/index';
import { useMeasures } from './store';

/**
 * A dimension's or category's name, edited in place and saved when the field is left or Enter is
 * pressed; an empty or refused name goes back to the saved one and says why.
 */
export function NameField({
  label,
  name,
  onSave,
}: {
  label: string;
  name: string;
  onSave(name: string): Promise<ApiError | null>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  async function save() {
    const next = draft.trim();
    if (next === name) return setError(null);
    if (next === '') {
      setDraft(name);
      return setError(t('errors.required'));
    }
    const failure = await onSave(next);
    if (failure) {
      setDraft(name);
      return setError(describeError(failure));
    }
    setError(null);
  }
  return (
    <span className="measures__name-field">
      <input
        aria-label={label}
        value={draft}
        maxLength={200}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save();
        }}
      />
      {error ? (
        <span role="alert" className="field__error">
          {error}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Delete a dimension or one category, asking first and saying how many readings it would hide
 * (reads leave out readings that name a deleted category), since those figures leave every chart,
 * scorecard and export with it. The delete offers Undo, as every other removal does: one wrong
 * click must not take a year of figures out of the charts.
 */
export function DeleteWithReadings({
  dimensionId,
  categoryId,
  name,
  onDelete,
  onUndo,
}: {
  dimensionId: string;
  categoryId: string | null;
  name: string;
  onDelete(): Promise<ApiError | null>;
  onUndo(): Promise<ApiError | null>;
}) {
  const { t } = useTranslation();
  const initiativeId = useMeasures((state) => state.initiativeId);
  const toast = useToast((state) => state.show);
  const [asking, setAsking] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function ask() {
    if (!initiativeId) return;
    const result = await call('measures.dimensions.readingsAffected', { initiativeId, dimensionId, categoryId });
    if (!result.ok) return setError(describeError(result.error));
    setError(null);
    setAsking(result.value.readings);
  }
  async function remove() {
    const hidden = asking ?? 0;
    const failure = await onDelete();
    if (failure) return setError(describeError(failure));
    setAsking(null);
    // The row is gone once the store refetches, so Undo lives in the app's toast, not here.
    toast(
      hidden === 0 ? t('measures.undo.deleted', { name }) : t('measures.undo.deletedHiding', { name, count: hidden }),
      t('measures.undo.undo'),
      () => {
        void onUndo().then((undoFailure) => {
          if (undoFailure) toast(describeError(undoFailure));
        });
      },
    );
  }
  const id = `delete-${categoryId ?? dimensionId}`;
  return (
    <>
      <button
        type="button"
        className="link-button"
        aria-label={t('measures.dimensionEdits.delete', { name })}
        onClick={() => void ask()}
      >
        {categoryId ? '×' : t('measures.dimensionEdits.deleteShort')}
      </button>
      {asking !== null ? (
        <div role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} className="card">
          <p id={`${id}-title`}>
            <strong>{t('measures.dimensionEdits.askTitle', { name })}</strong>
          </p>
          <p id={`${id}-body`}>
            {asking === 0
              ? t('measures.dimensionEdits.noReadings')
              : t('measures.dimensionEdits.readings', { count: asking })}
          </p>
          <div className="row">
            <button type="button" className="button button--danger" onClick={() => void remove()}>
              {t('measures.dimensionEdits.confirm')}
            </button>
            <button type="button" className="button" autoFocus onClick={() => setAsking(null)}>
              {t('measures.dimensionEdits.keep')}
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <span role="alert" className="field__error">
          {error}
        </span>
      ) : null}
    </>
  );
}
