import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Instrument, ReadinessItem, ReadinessSection } from '../../../src-main/contract/index';
import { describeError } from '../../i18n/index';
import { shownText } from './labels';
import { useReadiness } from './store';

/** One item's words, saved as typed when the field is left (a built-in item keeps its id and its ratings). */
function ItemRow({ item }: { item: ReadinessItem }) {
  const { t, i18n } = useTranslation();
  const updateItem = useReadiness((state) => state.updateItem);
  const removeItem = useReadiness((state) => state.removeItem);
  const shown = shownText(item.text, item.builtinText, i18n.language);
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    if (draft.trim() === shown.trim()) return;
    if (draft.trim() === '') return setError(t('errors.required'));
    const failure = await updateItem(item.id, draft);
    setError(failure ? describeError(failure) : null);
  }

  return (
    <li className="readiness__item">
      <input
        aria-label={t('readiness.instruments.itemText')}
        value={draft}
        maxLength={1000}
        aria-invalid={Boolean(error)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void save()}
      />
      <button
        type="button"
        className="button button--ghost"
        onClick={async () => {
          const failure = await removeItem(item.id);
          if (failure) setError(describeError(failure));
        }}
      >
        {t('readiness.instruments.removeItem')}
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

function SectionEditor({ section }: { section: ReadinessSection }) {
  const { t, i18n } = useTranslation();
  const addItem = useReadiness((state) => state.addItem);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const title = shownText(section.title, section.builtinTitle, i18n.language);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return setError(t('errors.required'));
    const failure = await addItem(section.id, text);
    if (failure) return setError(describeError(failure));
    setText('');
    setError(null);
  }

  return (
    <section className="readiness__section" aria-label={title}>
      <h3>{title}</h3>
      <ul className="readiness__items">
        {section.items.map((item) => (
          <ItemRow key={`${item.id}-${item.text}`} item={item} />
        ))}
      </ul>
      <form
        className="readiness__add"
        aria-label={t('readiness.instruments.addItemTo', { section: title })}
        onSubmit={add}
      >
        <input
          aria-label={t('readiness.instruments.newItem')}
          value={text}
          maxLength={1000}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button">
          {t('readiness.instruments.addItem')}
        </button>
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}

/** The instrument's sections and items, each editable in place. */
export function InstrumentEditor({ instrument }: { instrument: Instrument }) {
  const { t, i18n } = useTranslation();
  const name = shownText(instrument.name, instrument.builtinName, i18n.language);
  return (
    <article className="card" aria-label={name}>
      <h2>{name}</h2>
      <p className="field__hint">
        {instrument.ratesImportance ? t('readiness.instruments.withImportance') : t('readiness.instruments.levelsOnly')}
      </p>
      {instrument.sections.map((section) => (
        <SectionEditor key={section.id} section={section} />
      ))}
    </article>
  );
}
