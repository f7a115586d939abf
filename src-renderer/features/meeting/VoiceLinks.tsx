import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkableNote, VoiceLink } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { useChannelAnswer } from '../../api/useChannelAnswer';
import { describeError } from '../../i18n/index';

/** A quote with its pseudonym only where consent allows it (main has already left it out otherwise). */
function Quote({ note }: { note: LinkableNote }) {
  return (
    <>
      “<bdi>{note.text}</bdi>”
      {note.pseudonym ? (
        <>
          {' '}
          — <bdi>{note.pseudonym}</bdi>
        </>
      ) : null}
    </>
  );
}

/**
 * Where a citation is made: at a data item in meeting mode (the link keeps its session, so the
 * summary cites it there) or at the indicator itself, from the Measures section.
 */
export type CiteAt = { itemId: string } | { indicatorId: string };

function linkAt(initiativeId: string, at: CiteAt, noteId: string, period: string | null) {
  return 'itemId' in at
    ? call('dataItems.linkVoice', { initiativeId, itemId: at.itemId, noteId, period })
    : call('dataItems.linkVoiceToIndicator', { initiativeId, indicatorId: at.indicatorId, noteId, period });
}

/**
 * Community voice beside the indicator: the notes linked to it, and a search over the notes that
 * may be shown at the table (main offers only those: never internal-only or withdrawn ones).
 */
export function VoiceLinks({
  initiativeId,
  at,
  voice,
  hiddenVoice,
  periods,
  onChange,
}: {
  initiativeId: string;
  at: CiteAt;
  voice: readonly VoiceLink[];
  hiddenVoice: number;
  periods: readonly string[];
  onChange(): void;
}) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const anchor = 'itemId' in at ? at.itemId : at.indicatorId;
  return (
    <section className="data-item__voice" aria-labelledby={`voice-links-${anchor}`}>
      <h4 id={`voice-links-${anchor}`}>{t('dataItem.voice.title')}</h4>
      {voice.length === 0 ? <p className="field__hint">{t('dataItem.voice.none')}</p> : null}
      <ul aria-label={t('dataItem.voice.title')} className="meeting__voice">
        {voice.map((link) => (
          <li key={link.linkId}>
            <Quote note={link} />
            {link.period ? <span className="data-item__chip">{link.period}</span> : null}{' '}
            <button
              type="button"
              className="link-button"
              aria-label={t('dataItem.voice.unlink', { text: link.text })}
              onClick={() => void call('dataItems.unlinkVoice', { initiativeId, linkId: link.linkId }).then(onChange)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {hiddenVoice > 0 ? <p className="field__hint">{t('dataItem.voice.hidden', { count: hiddenVoice })}</p> : null}
      {picking ? (
        <VoicePicker
          initiativeId={initiativeId}
          at={at}
          linked={new Set(voice.map((link) => link.noteId))}
          periods={periods}
          onDone={() => {
            setPicking(false);
            onChange();
          }}
        />
      ) : (
        <button type="button" className="button" onClick={() => setPicking(true)}>
          {t('dataItem.voice.cite')}
        </button>
      )}
    </section>
  );
}

function VoicePicker({
  initiativeId,
  at,
  linked,
  periods,
  onDone,
}: {
  initiativeId: string;
  at: CiteAt;
  linked: ReadonlySet<string>;
  periods: readonly string[];
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [period, setPeriod] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { value: notes } = useChannelAnswer('dataItems.shareableNotes', { initiativeId, query });

  async function link(noteId: string) {
    const result = await linkAt(initiativeId, at, noteId, period || null);
    if (!result.ok) return setError(describeError(result.error));
    onDone();
  }

  return (
    <div className="data-item__picker" role="group" aria-label={t('dataItem.voice.cite')}>
      <input
        type="search"
        autoFocus
        aria-label={t('dataItem.voice.search')}
        placeholder={t('dataItem.voice.search')}
        value={query}
        maxLength={200}
        onChange={(event) => setQuery(event.target.value)}
      />
      <label>
        {t('dataItem.voice.period')}
        <select value={period} onChange={(event) => setPeriod(event.target.value)}>
          <option value="">{t('dataItem.voice.wholeIndicator')}</option>
          {periods.map((entry) => (
            <option key={entry} value={entry}>
              {entry}
            </option>
          ))}
        </select>
      </label>
      <ul aria-label={t('dataItem.voice.found')} className="data-item__found">
        {(notes ?? []).map((note) => (
          <li key={note.noteId}>
            <Quote note={note} /> <span className="field__hint">{note.focusGroupName}</span>{' '}
            <button
              type="button"
              className="button"
              disabled={linked.has(note.noteId) && period === ''}
              aria-label={t('dataItem.voice.link', { text: note.text })}
              onClick={() => void link(note.noteId)}
            >
              {t('dataItem.voice.linkShort')}
            </button>
          </li>
        ))}
      </ul>
      {notes && notes.length === 0 ? <p className="field__hint">{t('dataItem.voice.noMatch')}</p> : null}
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      <button type="button" className="button" onClick={onDone}>
        {t('dataItem.voice.close')}
      </button>
    </div>
  );
}
