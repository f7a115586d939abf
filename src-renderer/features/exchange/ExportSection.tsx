import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFormats } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { downloadFile } from './files';
import { formatLabel } from './labels';

type ExportFormat = (typeof exportFormats)[number];

/** Download the roster for a spreadsheet, Kumu or Gephi; contact details only when asked for. */
export function ExportSection({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [includeContacts, setIncludeContacts] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    const result = await call('partners.export', { initiativeId, format, includeContacts });
    setBusy(false);
    if (result.ok) {
      setFailure(null);
      downloadFile(result.value);
    } else setFailure(describeError(result.error));
  }

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('exchange.exportTitle')}</h2>
      <Field label={t('exchange.format')} hint={format === 'csv' ? t('exchange.csvPartnersOnly') : undefined}>
        {(props) => (
          <select {...props} value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
            {exportFormats.map((name) => (
              <option key={name} value={name}>
                {t(formatLabel[name])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field exchange-checkbox">
        <label>
          <input
            type="checkbox"
            checked={includeContacts}
            onChange={(event) => setIncludeContacts(event.target.checked)}
          />{' '}
          {t('exchange.includeContacts')}
        </label>
        <p className="field__hint">{t('exchange.contactsPrivate')}</p>
      </div>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void download()}>
          {busy ? t('exchange.exporting') : t('exchange.exportButton')}
        </button>
      </div>
    </section>
  );
}
