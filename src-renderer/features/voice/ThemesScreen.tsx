import { useCallback, useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QdcImportOutcome, Theme, ThemeReport } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { nextGroupColour } from '../groups/colours';
import { useToast } from '../../components/Toast';
import { useAutosave } from '../../components/useAutosave';
import { describeError } from '../../i18n/index';
import { downloadFile, readAsBase64 } from '../exchange/files';
import { useGroups } from '../groups/store';
import { useVoice } from './store';
import { ErrorLine } from '../../components/ErrorLine';
import { TooLongNotice } from '../../components/TooLongNotice';

/**
 * The codebook: themes with a colour and a description, renamed and merged as the analysis
 * settles, with counts per focus group and quotes that respect consent. Exchanged with QDA tools
 * as a REFI-QDA .qdc file.
 */
export function ThemesScreen({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const themes = useVoice((state) => state.themes);
  const refetch = useVoice((state) => state.refetch);
  const [report, setReport] = useState<ThemeReport>([]);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<QdcImportOutcome['warnings']>([]);

  // The report follows the codebook: reloaded whenever the themes (and their counts) change.
  useEffect(() => {
    let live = true;
    void call('themes.report', { initiativeId }).then((result) => {
      if (live && result.ok) setReport(result.value);
    });
    return () => {
      live = false;
    };
  }, [initiativeId, themes]);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return setError(t('errors.required'));
    // The first swatch no theme has yet, so theme chips on a note can be told apart at a glance.
    const colour = nextGroupColour(themes);
    const result = await call('themes.create', { initiativeId, theme: { name: name.trim(), colour } });
    setError(result.ok ? null : describeError(result.error));
    if (result.ok) setName('');
    await refetch();
  }

  async function exportCodebook() {
    const result = await call('themes.exportQdc', { initiativeId });
    if (result.ok) downloadFile(result.value);
    else setError(describeError(result.error));
  }

  async function importCodebook(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const contentBase64 = await readAsBase64(file);
    const result = await call('themes.importQdc', { initiativeId, fileName: file.name, contentBase64 });
    setWarnings(result.ok ? result.value.warnings : []);
    if (!result.ok) {
      setMessage(null);
      return setError(describeError(result.error));
    }
    setError(null);
    setMessage(t('voice.themes.imported', result.value));
    await refetch();
  }

  return (
    <section aria-labelledby="themes-title">
      <div className="notes__bar">
        <h2 id="themes-title">{t('voice.themes.title')}</h2>
        <button type="button" className="button" onClick={() => void exportCodebook()}>
          {t('voice.themes.export')}
        </button>
        <label className="button">
          {t('voice.themes.import')}
          <input
            type="file"
            accept=".qdc,.xml"
            className="visually-hidden"
            onChange={(event) => void importCodebook(event)}
          />
        </label>
      </div>
      <form className="inline-form" onSubmit={(event) => void create(event)}>
        <div className="field">
          <label htmlFor="new-theme">{t('voice.themes.newLabel')}</label>
          <input id="new-theme" value={name} maxLength={100} onChange={(event) => setName(event.target.value)} />
        </div>
        <button type="submit" className="button button--primary">
          {t('voice.themes.create')}
        </button>
      </form>
      {message ? <p role="status">{message}</p> : null}
      {warnings.length > 0 ? (
        <section className="card card--quiet" aria-labelledby="codebook-warnings">
          <p id="codebook-warnings">{t('voice.themes.warningsTitle')}</p>
          <ul>
            {warnings.map((warning, index) => (
              <li key={index}>{t(warningKey[warning.code], { name: warning.name })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <ErrorLine error={error} />
      {themes.length === 0 ? <p className="card card--quiet">{t('voice.themes.empty')}</p> : null}
      <ul className="themes">
        {themes.map((theme) => (
          <ThemeCard
            key={theme.id}
            initiativeId={initiativeId}
            theme={theme}
            others={themes.filter((other) => other.id !== theme.id)}
            entry={report.find((item) => item.themeId === theme.id)}
          />
        ))}
      </ul>
    </section>
  );
}

/** What the import could not bring in as it was, in the user's words. */
const warningKey: Record<QdcImportOutcome['warnings'][number]['code'], string> = {
  duplicate_id: 'voice.themes.warnings.duplicate_id',
  new_id: 'voice.themes.warnings.new_id',
  bad_colour: 'voice.themes.warnings.bad_colour',
  no_name: 'voice.themes.warnings.no_name',
  shortened: 'voice.themes.warnings.shortened',
  renamed: 'voice.themes.warnings.renamed',
  sets_skipped: 'voice.themes.warnings.sets_skipped',
  more: 'voice.themes.warnings.more',
};

interface ThemeCardProps {
  initiativeId: string;
  theme: Theme;
  others: Theme[];
  entry: ThemeReport[number] | undefined;
}

function ThemeCard({ initiativeId, theme, others, entry }: ThemeCardProps) {
  const { t } = useTranslation();
  const refetch = useVoice((state) => state.refetch);
  const groups = useGroups((state) => state.groups);
  const showToast = useToast((state) => state.show);
  const [name, setName] = useState(theme.name);
  const [description, setDescription] = useState(theme.description);
  const [mergeInto, setMergeInto] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = useAutosave(
    useCallback(
      async (patch: { name?: string; description?: string; colour?: string }) => {
        const result = await call('themes.update', { initiativeId, themeId: theme.id, patch });
        setError(result.ok ? null : describeError(result.error));
      },
      [initiativeId, theme.id],
    ),
  );

  async function run(pending: ReturnType<typeof call>) {
    const result = await pending;
    setError(result.ok ? null : describeError(result.error));
    await refetch();
    return result.ok;
  }

  async function remove() {
    if (await run(call('themes.delete', { initiativeId, themeId: theme.id }))) {
      showToast(t('voice.themes.deleted', { name: theme.name }), t('voice.notes.undo'), () => {
        void run(call('themes.restore', { initiativeId, themeId: theme.id }));
      });
    }
  }

  const field = (suffix: string) => `theme-${theme.id}-${suffix}`;
  const parent = theme.parentId ? others.find((other) => other.id === theme.parentId) : undefined;
  const groupName = (id: string) => groups.find((group) => group.id === id)?.name ?? '';
  return (
    <li className="card theme" style={{ borderInlineStartColor: theme.colour }}>
      {parent || !theme.codable ? (
        <p className="field__hint">
          {[
            parent ? t('voice.themes.under', { name: parent.name }) : '',
            theme.codable ? '' : t('voice.themes.category'),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      ) : null}
      <div className="participant__grid">
        <div className="field">
          <label htmlFor={field('name')}>{t('voice.themes.name')}</label>
          <input
            id={field('name')}
            value={name}
            maxLength={100}
            onChange={(event) => {
              setName(event.target.value);
              if (event.target.value.trim()) save({ name: event.target.value.trim() });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={field('colour')}>{t('voice.themes.colour')}</label>
          <input
            id={field('colour')}
            type="color"
            defaultValue={theme.colour}
            onChange={(event) => save({ colour: event.target.value })}
            onBlur={() => void refetch()}
          />
        </div>
        <div className="field theme__description">
          <label htmlFor={field('description')}>{t('voice.themes.description')}</label>
          <textarea
            id={field('description')}
            rows={2}
            value={description}
            onChange={(event) => {
              setDescription(event.target.value);
              save({ description: event.target.value });
            }}
          />
          <TooLongNotice text={description} />
        </div>
      </div>
      <p className="theme__counts">
        {t('voice.themes.count', { count: entry?.total ?? 0 })}
        {entry?.perFocusGroup.map((item) => ` · ${groupName(item.focusGroupId)}: ${item.count}`).join('')}
      </p>
      {entry && entry.quotes.length > 0 ? (
        <ul className="quotes">
          {entry.quotes.map((quote) => (
            <li key={quote.noteId}>
              <blockquote>{quote.text}</blockquote>
              <span className="field__hint">— {quote.pseudonym ?? t('voice.search.anonymous')}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="participant__tools">
        <label className="capture__pick">
          <span>{t('voice.themes.mergeInto')}</span>
          <select value={mergeInto} onChange={(event) => setMergeInto(event.target.value)}>
            <option value="">{t('voice.themes.mergeChoose')}</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--small"
          disabled={!mergeInto}
          onClick={() => void run(call('themes.merge', { initiativeId, sourceId: theme.id, targetId: mergeInto }))}
        >
          {t('voice.themes.merge')}
        </button>
        <span className="note__spacer" />
        <button type="button" className="button button--small button--ghost" onClick={() => void remove()}>
          {t('voice.notes.delete')}
        </button>
      </div>
      <ErrorLine error={error} />
    </li>
  );
}
