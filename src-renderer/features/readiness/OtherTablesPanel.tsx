import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collaboration, Partner, TablesReport } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { describeError } from '../../i18n/index';
import { useReadiness } from './store';

/** Other collaborations in town, which of our partners sit there, and where they overlap. */
export function OtherTablesPanel() {
  const { t } = useTranslation();
  const initiativeId = useReadiness((state) => state.initiativeId);
  const [tables, setTables] = useState<Collaboration[]>([]);
  const [report, setReport] = useState<TablesReport | null>(null);
  const [partners, setPartners] = useState<Partner[]>([]);
  const [name, setName] = useState('');
  const [goal, setGoal] = useState('');
  const [convener, setConvener] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  /** The collaboration being edited in the form above the table, if any. */
  const [editing, setEditing] = useState<Collaboration | null>(null);

  const [version, setVersion] = useState(0);
  const toast = useToast((state) => state.show);

  /** Off the list, with Undo: the report reads again without it. */
  async function remove(table: Collaboration) {
    if (!initiativeId) return;
    const result = await call('readiness.tables.delete', { initiativeId, collaborationId: table.id });
    if (!result.ok) return toast(describeError(result.error));
    setVersion((count) => count + 1);
    toast(t('readiness.edits.tableRemoved', { name: table.name }), t('readiness.edits.undo'), () => {
      void call('readiness.tables.restore', { initiativeId, collaborationId: table.id }).then(() =>
        setVersion((count) => count + 1),
      );
    });
  }

  useEffect(() => {
    if (!initiativeId) return;
    let current = true;
    void Promise.all([
      call('readiness.tables.list', { initiativeId }),
      call('readiness.tables.report', { initiativeId }),
      call('partners.list', { initiativeId }),
    ]).then(([list, findings, people]) => {
      if (!current) return;
      if (list.ok) setTables(list.value);
      if (findings.ok) setReport(findings.value);
      if (people.ok) setPartners(people.value);
    });
    return () => {
      current = false;
    };
  }, [initiativeId, version]);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!initiativeId) return;
    if (name.trim() === '') return setError(t('errors.required'));
    const collaboration = { name, goal, convener, partnerIds: chosen };
    const result = editing
      ? await call('readiness.tables.update', { initiativeId, collaborationId: editing.id, patch: collaboration })
      : await call('readiness.tables.create', { initiativeId, collaboration });
    if (!result.ok) return setError(describeError(result.error));
    clearForm();
  }

  function clearForm() {
    setEditing(null);
    setName('');
    setGoal('');
    setConvener('');
    setChosen([]);
    setError(null);
    // Read the list and the report again, now that they hold the new collaboration.
    setVersion((count) => count + 1);
  }

  function edit(table: Collaboration) {
    setEditing(table);
    setName(table.name);
    setGoal(table.goal);
    setConvener(table.convener);
    setChosen(table.partnerIds);
    setError(null);
  }

  const partnerName = new Map(partners.map((partner) => [partner.id, partner.name]));

  return (
    <div className="readiness__phases">
      <form
        className="card"
        aria-label={editing ? t('readiness.edits.editTable', { name: editing.name }) : t('readiness.tables.new')}
        onSubmit={add}
      >
        <h2>{editing ? t('readiness.edits.editTable', { name: editing.name }) : t('readiness.tables.new')}</h2>
        <Field label={t('readiness.tables.name')} error={error}>
          {(props) => <input {...props} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('readiness.tables.goal')}>
          {(props) => <textarea {...props} rows={2} value={goal} onChange={(e) => setGoal(e.target.value)} />}
        </Field>
        <Field label={t('readiness.tables.convener')}>
          {(props) => (
            <input {...props} value={convener} maxLength={200} onChange={(e) => setConvener(e.target.value)} />
          )}
        </Field>
        <fieldset className="readiness__partners">
          <legend>{t('readiness.tables.ourPartners')}</legend>
          {partners.map((partner) => (
            <label key={partner.id} className="readiness__check">
              <input
                type="checkbox"
                checked={chosen.includes(partner.id)}
                onChange={(e) =>
                  setChosen((current) =>
                    e.target.checked ? [...current, partner.id] : current.filter((id) => id !== partner.id),
                  )
                }
              />
              {partner.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary">
          {editing ? t('readiness.edits.save') : t('readiness.tables.add')}
        </button>
        {editing ? (
          <button type="button" className="button" onClick={clearForm}>
            {t('readiness.edits.cancel')}
          </button>
        ) : null}
      </form>
      <table className="table" aria-label={t('readiness.tables.title')}>
        <caption>{t('readiness.tables.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('readiness.tables.name')}</th>
            <th scope="col">{t('readiness.tables.goal')}</th>
            <th scope="col">{t('readiness.tables.convener')}</th>
            <th scope="col">{t('readiness.tables.ourPartners')}</th>
            <th scope="col">{t('readiness.edits.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {tables.map((table) => (
            <tr key={table.id}>
              <th scope="row">{table.name}</th>
              <td>{table.goal}</td>
              <td>{table.convener}</td>
              <td>
                {table.partnerIds
                  .map((id) => partnerName.get(id) ?? '')
                  .filter(Boolean)
                  .join(', ')}
              </td>
              <td>
                <button
                  type="button"
                  className="button button--ghost"
                  aria-label={t('readiness.edits.editTable', { name: table.name })}
                  onClick={() => edit(table)}
                >
                  {t('readiness.edits.edit')}
                </button>{' '}
                <button type="button" className="button button--ghost" onClick={() => void remove(table)}>
                  {t('readiness.edits.removeTable', { name: table.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report ? (
        <>
          <table className="table" aria-label={t('readiness.tables.busyTitle')}>
            <caption>{t('readiness.tables.busyTitle')}</caption>
            <tbody>
              {report.busyPartners.map((partner) => (
                <tr key={partner.partnerId}>
                  <th scope="row">{partner.name}</th>
                  <td>{partner.tables.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.busyPartners.length === 0 ? <p className="field__hint">{t('readiness.tables.noneBusy')}</p> : null}
          <table className="table" aria-label={t('readiness.tables.overlapTitle')}>
            <caption>{t('readiness.tables.overlapTitle')}</caption>
            <tbody>
              {report.overlaps.map((overlap) => (
                <tr key={`${overlap.first}-${overlap.second}`}>
                  <th scope="row">
                    {overlap.first} · {overlap.second}
                  </th>
                  <td>{t('readiness.tables.sharedWords', { words: overlap.sharedWords.join(', ') })}</td>
                  <td>{t('readiness.tables.sharedPartners', { partners: overlap.sharedPartners })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.overlaps.length === 0 ? <p className="field__hint">{t('readiness.tables.noneOverlap')}</p> : null}
        </>
      ) : null}
    </div>
  );
}
