import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { groupKinds, type Group } from '../../../src-main/contract/index';
import { AutosaveText } from '../../components/AutosaveText';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { describeError } from '../../i18n/index';
import { usePartners } from '../partners/store';
import { AddMembers } from './AddMembers';
import { nextGroupColour } from './colours';
import { GroupColour } from './GroupColour';
import { groupKindKey, roleKey } from './labels';
import { useGroups } from './store';
import { longTextLimit } from '../../components/TooLongNotice';

/** The tables partners sit at: steering committee, working groups, backbone, constellations, focus groups. */
export function GroupsScreen({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const { groups, load, createGroup, deleteGroup, restoreGroup } = useGroups();
  const showToast = useToast((state) => state.show);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Group['kind']>('working_group');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void load(initiativeId);
  }, [initiativeId, load]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return setError(t('errors.required'));
    const result = await createGroup({ kind, name, colour: nextGroupColour(groups) });
    if (!result.ok) return setError(describeError(result.error));
    setName('');
    setError(null);
  }

  async function remove(group: Group) {
    const failure = await deleteGroup(group.id);
    if (failure) return showToast(describeError(failure));
    showToast(t('groups.deleted', { name: group.name }), t('partners.undo'), () => void restoreGroup(group.id));
  }

  return (
    <section className="screen" aria-labelledby="groups-title">
      <header className="screen__header">
        <h1 id="groups-title">{t('groups.title')}</h1>
        <p className="screen__meta">{t('groups.count', { count: groups.length })}</p>
      </header>
      <form className="card quick-add" onSubmit={submit} noValidate aria-label={t('groups.add')}>
        <div className="quick-add__fields quick-add__fields--three">
          <Field label={t('groups.name')} error={error}>
            {(props) => (
              <input {...props} value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
            )}
          </Field>
          <Field label={t('groups.kind')}>
            {(props) => (
              <select {...props} value={kind} onChange={(event) => setKind(event.target.value as Group['kind'])}>
                {groupKinds.map((option) => (
                  <option key={option} value={option}>
                    {t(groupKindKey[option])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button button--primary quick-add__submit">
            {t('groups.add')}
          </button>
        </div>
      </form>
      {groups.length === 0 ? <p className="empty">{t('groups.empty')}</p> : null}
      <div className="group-grid">
        {groups.map((group) => (
          <GroupCard key={group.id} group={group} onDelete={() => void remove(group)} />
        ))}
      </div>
    </section>
  );
}

function GroupCard({ group, onDelete }: { group: Group; onDelete(): void }) {
  const { t } = useTranslation();
  const updateGroup = useGroups((state) => state.updateGroup);
  const partners = usePartners((state) => state.partners);
  const names = new Map(partners.map((partner) => [partner.id, partner.name]));
  return (
    <article className="card group-card" aria-label={group.name}>
      <header className="group-card__header">
        <span className="swatch swatch--large" style={{ background: group.colour }} aria-hidden="true" />
        <div>
          <h2>{group.name}</h2>
          <p className="field__hint">{t(groupKindKey[group.kind])}</p>
        </div>
      </header>
      <AutosaveText
        label={t('groups.name')}
        value={group.name}
        required
        save={(name) => updateGroup(group.id, { name })}
      />
      <AutosaveText
        label={t('groups.purpose')}
        value={group.purpose}
        multiline
        maxLength={longTextLimit}
        save={(purpose) => updateGroup(group.id, { purpose })}
      />
      <GroupColour group={group} />
      <h3>{t('groups.members', { count: group.members.length })}</h3>
      {group.members.length === 0 ? <p className="field__hint">{t('groups.noMembers')}</p> : null}
      <ul className="plain-list">
        {group.members.map((member) => (
          <li key={member.partnerId}>
            {names.get(member.partnerId)} · <span className="field__hint">{t(roleKey[member.role])}</span>
          </li>
        ))}
      </ul>
      <AddMembers group={group} />
      <div className="form-actions">
        <button
          type="button"
          className="button button--small button--danger"
          onClick={onDelete}
          aria-label={`${t('partners.delete')}: ${group.name}`}
        >
          {t('partners.delete')}
        </button>
      </div>
    </article>
  );
}
