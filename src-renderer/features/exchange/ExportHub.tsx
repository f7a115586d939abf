import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFile, Result, Session } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { formatLocalDateTime } from '../../i18n/format';
import { describeError } from '../../i18n/index';
import type { Section } from '../shell/sections';
import { SummaryPanel } from '../summary/SummaryPanel';
import { ExportSection } from './ExportSection';
import { downloadFile } from './files';
import './exchange.css';

/**
 * The Export section: every file the app makes, in one place. A facilitator asked for "the
 * partner list for the funder" or "last month's summary" looks under Export first, so each
 * export is offered here, and each also stays beside the work it comes from. The map image and
 * the sealed copy of the whole initiative need their own screen (the drawn map; a passphrase typed
 * twice), so those are one click away rather than repeated.
 */
export function ExportHub({ initiativeId, go }: { initiativeId: string; go(section: Section): void }) {
  const { t } = useTranslation();
  const [summaryOf, setSummaryOf] = useState<Session | null>(null);

  if (summaryOf) {
    return (
      <section className="screen" aria-labelledby="export-hub-title">
        <header className="screen__header">
          <h1 id="export-hub-title">{t('nav.export')}</h1>
        </header>
        <SummaryPanel
          initiativeId={initiativeId}
          sessionId={summaryOf.id}
          title={summaryOf.title}
          onBack={() => setSummaryOf(null)}
          backLabel={t('exportHub.back')}
        />
      </section>
    );
  }
  return (
    <section className="screen export-hub" aria-labelledby="export-hub-title">
      <header className="screen__header">
        <h1 id="export-hub-title">{t('nav.export')}</h1>
      </header>
      <p className="field__hint">{t('exportHub.intro')}</p>
      <ExportSection initiativeId={initiativeId} />
      <VoiceExports initiativeId={initiativeId} />
      <SummaryExports initiativeId={initiativeId} onOpen={setSummaryOf} />
      <section className="card" aria-labelledby="export-hub-map">
        <h2 id="export-hub-map">{t('exportHub.mapTitle')}</h2>
        <p className="field__hint">{t('exportHub.mapHelp')}</p>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => go('map')}>
            {t('exportHub.openMap')}
          </button>
        </div>
      </section>
      <section className="card" aria-labelledby="export-hub-whole">
        <h2 id="export-hub-whole">{t('exportHub.wholeTitle')}</h2>
        <p className="field__hint">{t('exportHub.wholeHelp')}</p>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => go('settings')}>
            {t('exportHub.openBackups')}
          </button>
        </div>
      </section>
    </section>
  );
}

/** Shareable community voice: the notes as CSV and the codebook for qualitative analysis tools. */
function VoiceExports({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  async function download(pending: Promise<Result<ExportFile>>) {
    const result = await pending;
    if (result.ok) downloadFile(result.value);
    setError(result.ok ? null : describeError(result.error));
  }
  return (
    <section className="card" aria-labelledby="export-hub-voice">
      <h2 id="export-hub-voice">{t('exportHub.voiceTitle')}</h2>
      <p className="field__hint">{t('exportHub.voiceHelp')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => void download(call('voice.exportCsv', { initiativeId }))}
        >
          {t('exportHub.notesCsv')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void download(call('themes.exportQdc', { initiativeId }))}
        >
          {t('exportHub.codebook')}
        </button>
      </div>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** Every roundtable and meeting, most recent first, each opening its summary for partners. */
function SummaryExports({ initiativeId, onOpen }: { initiativeId: string; onOpen(session: Session): void }) {
  const { t } = useTranslation();
  const [sessions, setSessions] = useState<Session[] | null>(null);
  useEffect(() => {
    let live = true;
    void call('sessions.list', { initiativeId, filter: {} }).then((result) => {
      if (!live || !result.ok) return;
      const tableSessions = result.value.filter((session) => session.kind !== 'focus_group');
      setSessions(tableSessions.sort((a, b) => b.startsAt.localeCompare(a.startsAt)));
    });
    return () => {
      live = false;
    };
  }, [initiativeId]);
  return (
    <section className="card" aria-labelledby="export-hub-summaries">
      <h2 id="export-hub-summaries">{t('exportHub.summariesTitle')}</h2>
      <p className="field__hint">{t('exportHub.summariesHelp')}</p>
      {sessions && sessions.length === 0 ? <p>{t('exportHub.noSessions')}</p> : null}
      <ul className="plain-list export-hub__sessions">
        {(sessions ?? []).map((session) => (
          <li key={session.id} className="export-hub__session">
            <span>
              {session.title}
              {session.startsAt ? (
                <span className="field__hint"> · {formatLocalDateTime(session.startsAt)}</span>
              ) : null}
            </span>
            <button
              type="button"
              className="button button--small"
              aria-label={t('exportHub.summaryOf', { title: session.title })}
              onClick={() => onOpen(session)}
            >
              {t('exportHub.summary')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
