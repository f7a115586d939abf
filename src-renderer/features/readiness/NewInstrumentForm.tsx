import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { useReadiness } from './store';

/** A new instrument with one section: a name, a section title and its items one per line. */
export function NewInstrumentForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const createInstrument = useReadiness((state) => state.createInstrument);
  const [name, setName] = useState('');
  const [section, setSection] = useState('');
  const [items, setItems] = useState('');
  const [ratesImportance, setRatesImportance] = useState(true);
  const [error, setError] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    const lines = items
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (name.trim() === '' || section.trim() === '' || lines.length === 0) return setError(t('errors.required'));
    const result = await createInstrument({
      name,
      ratesImportance,
      sections: [{ title: section, items: lines }],
    });
    if (!result.ok) return setError(describeError(result.error));
    setName('');
    setSection('');
    setItems('');
    setError(null);
    onCreated(result.value.id);
  }

  return (
    <form className="card" aria-label={t('readiness.newInstrument.title')} onSubmit={add}>
      <h2>{t('readiness.newInstrument.title')}</h2>
      <Field label={t('readiness.newInstrument.name')} error={error}>
        {(props) => <input {...props} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('readiness.newInstrument.section')}>
        {(props) => <input {...props} value={section} maxLength={200} onChange={(e) => setSection(e.target.value)} />}
      </Field>
      <Field label={t('readiness.newInstrument.items')} hint={t('readiness.newInstrument.itemsHint')}>
        {(props) => <textarea {...props} rows={4} value={items} onChange={(e) => setItems(e.target.value)} />}
      </Field>
      <label className="readiness__check">
        <input type="checkbox" checked={ratesImportance} onChange={(e) => setRatesImportance(e.target.checked)} />
        {t('readiness.newInstrument.importance')}
      </label>
      <button type="submit" className="button button--primary">
        {t('readiness.newInstrument.add')}
      </button>
    </form>
  );
}
