import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Dimension } from '../../../src-main/contract/index';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { DeleteWithReadings, NameField } from './DimensionEdits';
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
  const {
    addCategory,
    renameDimension,
    deleteDimension,
    renameCategory,
    deleteCategory,
    restoreDimension,
    restoreCategory,
  } = useMeasures(
    useShallow((state) => ({
      addCategory: state.addCategory,
      renameDimension: state.renameDimension,
      deleteDimension: state.deleteDimension,
      renameCategory: state.renameCategory,
      deleteCategory: state.deleteCategory,
      restoreDimension: state.restoreDimension,
      restoreCategory: state.restoreCategory,
    })),
  );
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
      <h3>
        <NameField
          key={dimension.name}
          label={t('measures.dimensionEdits.rename', { name: dimension.name })}
          name={dimension.name}
          onSave={(name) => renameDimension(dimension.id, name)}
        />{' '}
        <DeleteWithReadings
          dimensionId={dimension.id}
          categoryId={null}
          name={dimension.name}
          onDelete={() => deleteDimension(dimension.id)}
          onUndo={() => restoreDimension(dimension.id)}
        />
      </h3>
      <ul className="measures__categories">
        {dimension.categories.map((category) => (
          <li key={category.id}>
            <NameField
              key={category.name}
              label={t('measures.dimensionEdits.rename', { name: category.name })}
              name={category.name}
              onSave={(name) => renameCategory(category.id, name)}
            />{' '}
            <DeleteWithReadings
              dimensionId={dimension.id}
              categoryId={category.id}
              name={category.name}
              onDelete={() => deleteCategory(category.id)}
              onUndo={() => restoreCategory(category.id)}
            />
          </li>
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
