import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Dimension } from '../../../src-main/contract/index';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { useMeasures } from './store';

/** The dimensions readings are split by (income, neighbourhood...) and their categories. */
export function DimensionsEditor() {
  const { t } = useTranslation();
  const { dimensions, createDimension } = useMeasures(
    useShallow((state) => ({ dimensions: state.dimensions, createDimension: state.createDimension })),
  );
  const [name, setName] = useState('');
  const [categories, setCategories] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return setError(t('errors.required'));
    const names = categories
      .split(/[,;\n]/)
      .map((category) => category.trim())
      .filter(Boolean);
    const failure = await createDimension(name, names);
    if (failure) return setError(describeError(failure));
    setName('');
    setCategories('');
    setError(null);
  }

  return (
    <section className="card" aria-labelledby="dimensions-title">
      <h2 id="dimensions-title">{t('measures.dimensions.title')}</h2>
      <p className="field__hint">{t('measures.dimensions.hint')}</p>
      {dimensions.map((dimension) => (
        <DimensionCard key={dimension.id} dimension={dimension} />
      ))}
      <form aria-label={t('measures.dimensions.new')} onSubmit={add}>
        <Field label={t('measures.dimensions.name')} error={error}>
          {(props) => <input {...props} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('measures.dimensions.categories')} hint={t('measures.dimensions.categoriesHint')}>
          {(props) => <input {...props} value={categories} onChange={(e) => setCategories(e.target.value)} />}
        </Field>
        <button type="submit" className="button">
          {t('measures.dimensions.add')}
        </button>
      </form>
    </section>
  );
}

function DimensionCard({ dimension }: { dimension: Dimension }) {
  const { t } = useTranslation();
  const addCategory = useMeasures((state) => state.addCategory);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return setError(t('errors.required'));
    const failure = await addCategory(dimension.id, name);
    if (failure) return setError(describeError(failure));
    setName('');
    setError(null);
  }

  return (
    <div className="measures__dimension" role="group" aria-label={dimension.name}>
      <h3>{dimension.name}</h3>
      <ul className="measures__categories">
        {dimension.categories.map((category) => (
          <li key={category.id}>{category.name}</li>
        ))}
      </ul>
      <form onSubmit={add} aria-label={t('measures.dimensions.addCategoryTo', { dimension: dimension.name })}>
        <Field label={t('measures.dimensions.newCategory')} error={error}>
          {(props) => <input {...props} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <button type="submit" className="button button--small">
          {t('measures.dimensions.addCategory')}
        </button>
      </form>
    </div>
  );
}
