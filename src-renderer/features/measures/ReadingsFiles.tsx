import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadingsImportPreview } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { downloadFile, readAsBase64 } from '../exchange/files';
import { useMeasures } from './store';

interface Chosen {
  fileName: string;
  contentBase64: string;
  preview: ReadingsImportPreview;
}

/** Readings in and out as CSV: a preview before anything is written, and exports that say what they held back. */
export function ReadingsFiles({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const refetch = useMeasures((state) => state.refetch);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose(file: File | undefined) {
    setMessage(null);
    setError(null);
    setChosen(null);
    if (!file) return;
    const contentBase64 = await readAsBase64(file);
    const result = await call('measures.import.preview', { initiativeId, fileName: file.name, contentBase64 });
    if (!result.ok) return setError(describeError(result.error));
    setChosen({ fileName: file.name, contentBase64, preview: result.value });
  }

  async function commit() {
    if (!chosen) return;
    const { fileName, contentBase64 } = chosen;
    const result = await call('measures.import.commit', { initiativeId, fileName, contentBase64 });
    if (!result.ok) return setError(describeError(result.error));
    setChosen(null);
    setMessage(t('measures.files.imported', { count: result.value.readings }));
    await refetch();
  }

  async function exportFile(shared: boolean) {
    setMessage(null);
    const result = await call('measures.export', { initiativeId, shared });
    if (!result.ok) return setError(describeError(result.error));
    downloadFile(result.value);
    const { suppressed, alsoHidden } = result.value;
    const also = alsoHidden > 0 ? ` ${t('measures.files.alsoHidden', { count: alsoHidden })}` : '';
    setMessage(
      shared ? `${t('measures.files.exportedShared', { count: suppressed })}${also}` : t('measures.files.exportedAll'),
    );
  }

  const preview = chosen?.preview;
  return (
    <section className="card" aria-labelledby="readings-files-title">
      <h2 id="readings-files-title">{t('measures.files.title')}</h2>
      <p className="field__hint">{t('measures.files.format')}</p>
      <Field label={t('measures.files.choose')}>
        {(props) => (
          <input {...props} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
        )}
      </Field>
      {preview ? (
        <div aria-live="polite">
          {preview.errors.length > 0 ? (
            <>
              <p className="field__error" role="alert">
                {t('measures.files.refused', { count: preview.errors.length })}
              </p>
              <ul className="measures__errors">
                {preview.errors.map((problem) => (
                  <li key={`${problem.where}-${problem.message}`}>
                    {problem.where}: {problem.message}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p>{t('measures.files.ready', { count: preview.readings })}</p>
              <table className="measures__grid" aria-label={t('measures.files.previewLabel')}>
                <thead>
                  <tr>
                    <th scope="col">{t('measures.files.indicator')}</th>
                    <th scope="col">{t('measures.files.period')}</th>
                    <th scope="col">{t('measures.grid.group')}</th>
                    <th scope="col">{t('measures.grid.value')}</th>
                    <th scope="col">{t('measures.grid.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((row) => (
                    <tr key={row.line}>
                      <td>{row.indicator}</td>
                      <td>{row.period}</td>
                      <td>{row.categories.join(', ') || t('measures.grid.total')}</td>
                      <td>{row.value}</td>
                      <td>{row.count ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" className="button button--primary" onClick={() => void commit()}>
                {t('measures.files.import', { count: preview.readings })}
              </button>
            </>
          )}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
      <div className="measures__periods">
        <button type="button" className="button" onClick={() => void exportFile(true)}>
          {t('measures.files.exportShared')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => void exportFile(false)}>
          {t('measures.files.exportAll')}
        </button>
      </div>
    </section>
  );
}
