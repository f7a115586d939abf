import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentLevels, noteKinds, type SearchResult } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { describeError } from '../../i18n/index';
import { downloadFile } from '../exchange/files';
import { useGroups } from '../groups/store';
import { consentKey, noteKindKey } from './labels';
import { useVoice } from './store';
import { ErrorLine } from '../../components/ErrorLine';

interface Filters {
  query: string;
  focusGroupId: string;
  themeId: string;
  kind: string;
  consent: string;
  from: string;
  to: string;
}

const none: Filters = { query: '', focusGroupId: '', themeId: '', kind: '', consent: '', from: '', to: '' };

/**
 * Search across every focus group's notes as they may be seen outside the group: withdrawn
 * participants never show, and internal-only notes show only when one focus group is chosen.
 */
export function SearchScreen({ initiativeId }: { initiativeId: string }) {
  const { t, i18n } = useTranslation();
  const groups = useGroups((state) => state.groups).filter((group) => group.kind === 'focus_group');
  const themes = useVoice((state) => state.themes);
  const [filters, setFilters] = useState<Filters>(none);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const request = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
    void call('voice.search', { initiativeId, ...request, query: filters.query, limit: 200 }).then((answer) => {
      if (!live) return;
      if (answer.ok) {
        setResult(answer.value);
        setError(null);
      } else setError(describeError(answer.error));
    });
    return () => {
      live = false;
    };
  }, [initiativeId, filters]);

  async function exportCsv() {
    const answer = await call('voice.exportCsv', {
      initiativeId,
      ...(filters.focusGroupId ? { focusGroupId: filters.focusGroupId } : {}),
    });
    if (answer.ok) downloadFile(answer.value);
    else setError(describeError(answer.error));
  }

  const set = (patch: Partial<Filters>) => setFilters((current) => ({ ...current, ...patch }));
  const groupName = (id: string) => groups.find((group) => group.id === id)?.name ?? '';
  const select = (id: keyof Filters, label: string, options: [string, string][]) => (
    <label className="capture__pick">
      <span>{label}</span>
      <select value={filters[id]} onChange={(event) => set({ [id]: event.target.value })}>
        <option value="">{t('voice.search.any')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section aria-labelledby="voice-search-title">
      <div className="notes__bar">
        <h2 id="voice-search-title">{t('voice.search.title')}</h2>
        <button type="button" className="button" onClick={() => void exportCsv()}>
          {t('voice.search.exportCsv')}
        </button>
      </div>
      <p className="field__hint">{t('voice.search.scopeHelp')}</p>
      <input
        type="search"
        className="search-input"
        aria-label={t('voice.search.label')}
        placeholder={t('voice.search.placeholder')}
        value={filters.query}
        maxLength={500}
        onChange={(event) => set({ query: event.target.value })}
        autoFocus
      />
      <div className="capture__controls">
        {select(
          'focusGroupId',
          t('voice.search.focusGroup'),
          groups.map((group) => [group.id, group.name]),
        )}
        {select(
          'themeId',
          t('voice.search.theme'),
          themes.map((theme) => [theme.id, theme.name]),
        )}
        {select(
          'kind',
          t('voice.search.kind'),
          noteKinds.map((kind) => [kind, t(noteKindKey[kind])]),
        )}
        {select(
          'consent',
          t('voice.search.consent'),
          consentLevels.map((level) => [level, t(consentKey[level])]),
        )}
        <label className="capture__pick">
          <span>{t('voice.search.from')}</span>
          <input type="date" value={filters.from} onChange={(event) => set({ from: event.target.value })} />
        </label>
        <label className="capture__pick">
          <span>{t('voice.search.to')}</span>
          <input type="date" value={filters.to} onChange={(event) => set({ to: event.target.value })} />
        </label>
      </div>
      <ErrorLine error={error} />
      {result ? (
        <p className="field__hint" role="status">
          {result.more
            ? t('voice.search.foundMore', {
                cap: new Intl.NumberFormat(i18n.language).format(result.total),
                ms: result.tookMs.toFixed(1),
              })
            : t('voice.search.found', { count: result.total, ms: result.tookMs.toFixed(1) })}
        </p>
      ) : null}
      <ol className="notes" aria-label={t('voice.search.results')}>
        {result?.hits.map(({ note, snippet }) => (
          <li key={note.id} className={`note note--${note.kind}`}>
            <div className="note__head">
              <span className="badge">{t(noteKindKey[note.kind])}</span>
              <span className="note__who">{note.pseudonym ?? t('voice.search.anonymous')}</span>
              <span className={`consent consent--${note.consent}`}>{t(consentKey[note.consent])}</span>
              <span className="note__time">
                {groupName(note.focusGroupId)} · {note.capturedAt.slice(0, 10)}
              </span>
            </div>
            <p className="note__text">
              {snippet.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text))}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
