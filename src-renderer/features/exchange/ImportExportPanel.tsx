import { useTranslation } from 'react-i18next';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import './exchange.css';

/** Moving a roster in from CSV or Kumu and out to spreadsheets, Kumu and Gephi. */
export function ImportExportPanel({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  return (
    <div className="exchange" aria-label={t('exchange.title')} role="region">
      <ImportSection key={`import-${initiativeId}`} initiativeId={initiativeId} />
      <ExportSection key={`export-${initiativeId}`} initiativeId={initiativeId} />
    </div>
  );
}
