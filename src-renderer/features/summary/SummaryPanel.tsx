import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  locales,
  summaryFormats,
  type ApiError,
  type BatchStatus,
  type Locale,
  type SessionSummary,
  type SummaryFormat,
} from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { downloadFile } from '../exchange/files';
import { usePartners } from '../partners/store';
import './summary.css';

const formatKey: Record<SummaryFormat, string> = {
  pdf: 'summary.ui.formats.pdf',
  docx: 'summary.ui.formats.docx',
  md: 'summary.ui.formats.md',
  html: 'summary.ui.formats.html',
  'decisions-csv': 'summary.ui.formats.decisionsCsv',
  'actions-csv': 'summary.ui.formats.actionsCsv',
  ics: 'summary.ui.formats.ics',
  'scorecard-csv': 'summary.ui.formats.scorecardCsv',
};

/** The body of main's summary HTML (the same page the PDF is printed from), for the preview. */
function previewBody(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
}

interface Props {
  initiativeId: string;
  sessionId: string;
  title: string;
  onBack(): void;
  /** Where Back leads, when not to the session (the Export section opens summaries too). */
  backLabel?: string;
}

/**
 * A session's summary before it leaves: a preview in the chosen language (which may differ from
 * the app's), what consent withheld and why, and an export button per format; per-partner
 * summaries run in the background with progress and a cancel button.
 */
export function SummaryPanel({ initiativeId, sessionId, title, onBack, backLabel }: Props) {
  const { t, i18n } = useTranslation();
  const partners = usePartners((state) => state.partners);
  const [language, setLanguage] = useState<Locale>(
    (locales as readonly string[]).includes(i18n.language) ? (i18n.language as Locale) : 'en',
  );
  const [partnerId, setPartnerId] = useState('');
  const [preview, setPreview] = useState<{ summary: SessionSummary; body: string } | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const recipients = useMemo(() => partners.filter((partner) => !partner.livedExperience), [partners]);

  useEffect(() => {
    let current = true;
    void call('summary.preview', { initiativeId, sessionId, language, partnerId: partnerId || null }).then((result) => {
      if (!current) return;
      if (result.ok) setPreview({ summary: result.value.summary, body: previewBody(result.value.html) });
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [initiativeId, sessionId, language, partnerId]);

  async function exportAs(format: SummaryFormat) {
    setBusy(true);
    setError(null);
    setMessage(t('summary.ui.exporting'));
    const result = await call('summary.export', {
      initiativeId,
      sessionId,
      language,
      partnerId: partnerId || null,
      format,
    });
    setBusy(false);
    if (!result.ok) {
      setMessage('');
      return setError(result.error);
    }
    downloadFile(result.value);
    setMessage(t('summary.ui.saved', { file: result.value.savedTo }));
  }

  return (
    <article className="summary-panel" aria-labelledby="summary-title">
      <header className="session-plan__header">
        <button type="button" className="button summary-panel__back" onClick={onBack}>
          <span className="summary-panel__arrow" aria-hidden="true">
            ←
          </span>{' '}
          {backLabel ?? t('summary.ui.back')}
        </button>
        <h2 id="summary-title">{t('summary.ui.heading', { title })}</h2>
      </header>
      <div className="card summary-panel__controls">
        <Field label={t('summary.ui.language')}>
          {(props) => (
            <select {...props} value={language} onChange={(event) => setLanguage(event.target.value as Locale)}>
              {locales.map((locale) => (
                <option key={locale} value={locale}>
                  {t(`languages.${locale}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('summary.ui.partner')}>
          {(props) => (
            <select {...props} value={partnerId} onChange={(event) => setPartnerId(event.target.value)}>
              <option value="">{t('summary.ui.everyone')}</option>
              {recipients.map((partner) => (
                <option key={partner.id} value={partner.id}>
                  {partner.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="summary-panel__formats" role="group" aria-label={t('summary.ui.export')}>
          {summaryFormats.map((format) => (
            <button key={format} type="button" className="button" disabled={busy} onClick={() => void exportAs(format)}>
              {t(formatKey[format])}
            </button>
          ))}
        </div>
        <p className="field__hint" role="status">
          {message}
        </p>
        {error ? (
          <p className="field__error" role="alert">
            {t('summary.ui.failed', { reason: describeError(error) })}
          </p>
        ) : null}
      </div>
      <PartnerBatch initiativeId={initiativeId} sessionId={sessionId} language={language} />
      <section className="card" aria-labelledby="summary-redactions">
        <h3 id="summary-redactions">{t('summary.ui.redactionPreview')}</h3>
        {preview && preview.summary.redactions.length > 0 ? (
          <ul>
            {preview.summary.redactions.map((entry) => (
              <li key={entry.reason}>
                {t(`summary.doc.reasons.${entry.reason}`, { count: entry.count, lng: language })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="field__hint">{t('summary.doc.nothingWithheld', { lng: language })}</p>
        )}
      </section>
      <section className="card" aria-labelledby="summary-preview">
        <h3 id="summary-preview">{t('summary.ui.preview')}</h3>
        {preview ? (
          <div
            className="summary-doc"
            lang={preview.summary.language}
            dir={preview.summary.direction}
            // Built by main from escaped text only; the app's CSP allows no inline script anyway.
            dangerouslySetInnerHTML={{ __html: preview.body }}
          />
        ) : null}
      </section>
    </article>
  );
}

function PartnerBatch({
  initiativeId,
  sessionId,
  language,
}: {
  initiativeId: string;
  sessionId: string;
  language: Locale;
}) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'pdf' | 'docx' | 'md' | 'html'>('pdf');
  const [packaging, setPackaging] = useState<'zip' | 'files'>('zip');
  const [status, setStatus] = useState<BatchStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const polling = useRef<number | null>(null);
  useEffect(() => () => void (polling.current !== null && window.clearInterval(polling.current)), []);

  /** Offers the finished batch as one zip, as a single export offers its file. */
  async function download(jobId: string) {
    const file = await call('summary.batchFile', { jobId });
    if (!file.ok) return setError(file.error);
    downloadFile(file.value);
  }

  async function start() {
    setError(null);
    const result = await call('summary.batchStart', { initiativeId, sessionId, language, format, packaging });
    if (!result.ok) return setError(result.error);
    setStatus(result.value);
    polling.current = window.setInterval(() => {
      void call('summary.batchStatus', { jobId: result.value.jobId }).then((next) => {
        if (!next.ok) return;
        setStatus(next.value);
        if (next.value.state !== 'running' && polling.current !== null) {
          window.clearInterval(polling.current);
          polling.current = null;
          if (next.value.state === 'done') void download(next.value.jobId);
        }
      });
    }, 250);
  }

  const running = status?.state === 'running';
  return (
    <section className="card" aria-labelledby="summary-batch">
      <h3 id="summary-batch">{t('summary.ui.perPartner')}</h3>
      <p className="field__hint">{t('summary.ui.perPartnerHint')}</p>
      <div className="summary-panel__batch">
        <select
          aria-label={t('summary.ui.export')}
          value={format}
          onChange={(event) => setFormat(event.target.value as typeof format)}
        >
          {(['pdf', 'docx', 'md', 'html'] as const).map((name) => (
            <option key={name} value={name}>
              {t(formatKey[name])}
            </option>
          ))}
        </select>
        <select
          aria-label={t('summary.ui.packaging')}
          value={packaging}
          onChange={(event) => setPackaging(event.target.value as typeof packaging)}
        >
          <option value="zip">{t('summary.ui.zip')}</option>
          <option value="files">{t('summary.ui.files')}</option>
        </select>
        {running ? (
          <button
            type="button"
            className="button"
            onClick={() => void call('summary.batchCancel', { jobId: status.jobId })}
          >
            {t('summary.ui.cancel')}
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={() => void start()}>
            {t('summary.ui.start')}
          </button>
        )}
      </div>
      {status ? (
        <div role="status">
          <progress
            max={status.total}
            value={status.done}
            aria-label={t('summary.ui.progress', { done: status.done, total: status.total })}
          />
          <span> {t('summary.ui.progress', { done: status.done, total: status.total })}</span>
          {status.state === 'done' ? (
            <>
              <p>{t('summary.ui.batchDone', { count: status.savedTo.length })}</p>
              <p className="summary-panel__saved-in">{t('summary.ui.savedIn', { path: status.savedIn })}</p>
              <button type="button" className="button" onClick={() => void download(status.jobId)}>
                {t('summary.ui.downloadAgain')}
              </button>
            </>
          ) : null}
          {status.state === 'cancelled' ? <p>{t('summary.ui.cancelled')}</p> : null}
          {status.state === 'failed' ? (
            <p className="field__error">{t('summary.ui.failed', { reason: status.error })}</p>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {describeError(error)}
        </p>
      ) : null}
    </section>
  );
}
