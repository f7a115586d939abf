import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  importFormats,
  knownSectors,
  maxImportBytes,
  partnerImportFields,
  type ApiError,
  type ImportOutcome,
  type ImportPreview,
} from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { formatFromName, readAsBase64, type ImportFormat } from './files';
import { fieldLabel, formatLabel, noticeLabel, noticeValues, placeLabel } from './labels';

type ImportField = (typeof partnerImportFields)[number];

interface ChosenFile {
  fileName: string;
  contentBase64: string;
}

/** Choose a file, see what it will do (columns, first rows, every problem), then import it whole. */
export function ImportSection({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const latest = useRef(0);
  // Bumped after an import so the file input forgets the imported file.
  const [inputKey, setInputKey] = useState(0);

  const mappingOf = (columns: ImportPreview['columns']) =>
    Object.fromEntries(columns.map((column) => [column.header, column.field]));

  async function runPreview(chosen: ChosenFile, chosenFormat: ImportFormat, mapping?: Record<string, ImportField>) {
    const ticket = ++latest.current;
    setBusy('reading');
    setOutcome(null);
    const result = await call('partners.import.preview', {
      initiativeId,
      format: chosenFormat,
      ...chosen,
      ...(mapping ? { mapping } : {}),
    });
    if (ticket !== latest.current) return;
    setBusy(null);
    if (result.ok) {
      setPreview(result.value);
      setFailure(null);
    } else {
      setPreview(null);
      setFailure(describeError(result.error));
    }
  }

  async function choose(picked: File | undefined) {
    setPreview(null);
    setOutcome(null);
    setFailure(null);
    if (!picked) return setFile(null);
    if (picked.size > maxImportBytes) {
      setFile(null);
      return setFailure(t('exchange.tooLarge', { size: maxImportBytes / 1024 / 1024 }));
    }
    const chosen = { fileName: picked.name.slice(0, 260), contentBase64: await readAsBase64(picked) };
    const guessed = formatFromName(picked.name);
    setFile(chosen);
    setFormat(guessed);
    await runPreview(chosen, guessed);
  }

  async function commit() {
    if (!file || !preview) return;
    setBusy('importing');
    const mapping = format === 'csv' ? mappingOf(preview.columns) : undefined;
    const result = await call('partners.import.commit', {
      initiativeId,
      format,
      ...file,
      ...(mapping ? { mapping } : {}),
    });
    setBusy(null);
    if (result.ok) {
      setOutcome(result.value);
      setPreview(null);
      setFile(null);
      setInputKey((key) => key + 1);
    } else setFailure(describeError(result.error as ApiError));
  }

  const canImport = Boolean(file && preview && preview.errors.length === 0 && preview.partners > 0 && busy === null);

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('exchange.importTitle')}</h2>
      <p>{t('exchange.importIntro')}</p>
      <Field label={t('exchange.file')}>
        {(props) => (
          <input
            {...props}
            key={inputKey}
            type="file"
            accept=".csv,.txt,.json,.xlsx,.gexf,.graphml"
            onChange={(event) => {
              const picked = event.target.files?.[0];
              // Let go of the choice at once: Chromium fires no change for the same path again, and a
              // person who fixed the file and picks it again expects it read afresh.
              event.target.value = '';
              void choose(picked);
            }}
          />
        )}
      </Field>
      {file ? <p className="exchange-chosen">{t('exchange.chosenFile', { name: file.fileName })}</p> : null}
      <Field label={t('exchange.format')}>
        {(props) => (
          <select
            {...props}
            value={format}
            onChange={(event) => {
              const next = event.target.value as ImportFormat;
              setFormat(next);
              if (file) void runPreview(file, next);
            }}
          >
            {importFormats.map((name) => (
              <option key={name} value={name}>
                {t(formatLabel[name])}
              </option>
            ))}
          </select>
        )}
      </Field>
      {busy === 'reading' ? <p aria-live="polite">{t('exchange.reading')}</p> : null}
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      {outcome ? (
        <p className="notice" role="status">
          {t('exchange.imported', {
            added: outcome.partnersAdded,
            updated: outcome.partnersUpdated,
            relationships: outcome.relationshipsAdded,
          })}
        </p>
      ) : null}
      {file && preview ? (
        <PreviewDetails
          preview={preview}
          format={format}
          onMap={(header, field) => void runPreview(file, format, { ...mappingOf(preview.columns), [header]: field })}
        />
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={!canImport} onClick={() => void commit()}>
          {busy === 'importing' ? t('exchange.importing') : t('exchange.importButton')}
        </button>
      </div>
    </section>
  );
}

function PreviewDetails({
  preview,
  format,
  onMap,
}: {
  preview: ImportPreview;
  format: ImportFormat;
  onMap: (header: string, field: ImportField) => void;
}) {
  const { t } = useTranslation();
  const sectorName = (sector: string) =>
    (knownSectors as readonly string[]).includes(sector) ? t(`sectors.${sector}`) : sector;
  return (
    <div className="exchange-preview">
      <p aria-live="polite">
        {t('exchange.counts', {
          partners: t('exchange.partnerCount', { count: preview.partners }),
          relationships: t('exchange.relationshipCount', { count: preview.relationships }),
        })}
      </p>
      {preview.errors.length > 0 ? (
        <div className="notice notice--error" role="alert">
          <h3>{t('exchange.errorsTitle')}</h3>
          <p>{t('exchange.errorsHint')}</p>
          <ul className="exchange-problems">
            {preview.errors.map((error, index) => (
              <li key={index}>
                <strong>{placeLabel(error.where, t)}</strong> {error.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.warnings.length > 0 || preview.notices.length > 0 ? (
        <div className="notice">
          <h3>{t('exchange.warningsTitle')}</h3>
          <ul className="exchange-problems">
            {preview.notices.map((notice, index) => (
              <li key={`notice-${index}`}>
                <strong>{placeLabel(notice.where, t)}</strong> {t(noticeLabel[notice.code], noticeValues(notice, t))}
              </li>
            ))}
            {preview.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.columns.length > 0 ? (
        <>
          <h3>{t('exchange.columnsTitle')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('exchange.header')}</th>
                <th scope="col">{t('exchange.field')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((column) => (
                <tr key={column.header}>
                  <td>{column.header}</td>
                  <td>
                    {format === 'csv' ? (
                      <select
                        aria-label={t('exchange.fieldFor', { header: column.header })}
                        value={column.field}
                        onChange={(event) => onMap(column.header, event.target.value as ImportField)}
                      >
                        {partnerImportFields.map((field) => (
                          <option key={field} value={field}>
                            {t(fieldLabel[field])}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(fieldLabel[column.field])
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {preview.sample.length > 0 ? (
        <>
          <h3>{t('exchange.sampleTitle')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('exchange.fields.name')}</th>
                <th scope="col">{t('exchange.fields.kind')}</th>
                <th scope="col">{t('exchange.fields.sector')}</th>
                <th scope="col">{t('exchange.fields.tags')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row, index) => (
                <tr key={index}>
                  <td>{row.name}</td>
                  <td>{row.kind === 'person' || row.kind === 'organisation' ? t(`kinds.${row.kind}`) : row.kind}</td>
                  <td>{sectorName(row.sector)}</td>
                  <td>{row.tags.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
