import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { memberRoles, type Group, type Membership } from '../../../src-main/contract/index';
import { foldForSearch } from '../../components/search-fold';
import { useToast } from '../../components/Toast';
import { describeError } from '../../i18n/index';
import { usePartners } from '../partners/store';
import { roleKey } from './labels';
import { useGroups } from './store';

/** Enough rows to tick from without drawing a roster of thousands; typing narrows the rest. */
const shownAtOnce = 60;

/**
 * Several partners join a group in one go, from the group's own card. The role starts at Member:
 * most people at a table are members, and co-chairs are few and chosen on purpose.
 */
export function AddMembers({ group }: { group: Group }) {
  const { t } = useTranslation();
  const partners = usePartners((state) => state.partners);
  const addMembers = useGroups((state) => state.addMembers);
  const showToast = useToast((state) => state.show);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [role, setRole] = useState<Membership['role']>('member');
  const [busy, setBusy] = useState(false);

  const candidates = useMemo(() => {
    const inGroup = new Set(group.members.map((member) => member.partnerId));
    return partners.filter((partner) => !inGroup.has(partner.id));
  }, [partners, group.members]);
  const needle = foldForSearch(query.trim());
  const matches = needle ? candidates.filter((partner) => foldForSearch(partner.name).includes(needle)) : candidates;
  const shown = matches.slice(0, shownAtOnce);

  if (candidates.length === 0) return null;
  if (!open) {
    return (
      <button type="button" className="button button--small" aria-expanded="false" onClick={() => setOpen(true)}>
        {t('members.open')}
      </button>
    );
  }

  function toggle(partnerId: string) {
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(partnerId)) next.delete(partnerId);
      else next.add(partnerId);
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen.size === 0) return;
    setBusy(true);
    const failure = await addMembers(group.id, [...chosen], role);
    setBusy(false);
    if (failure) return showToast(describeError(failure));
    showToast(t('members.added', { count: chosen.size, group: group.name }));
    setChosen(new Set());
    setQuery('');
    setOpen(false);
  }

  const titleId = `add-members-${group.id}`;
  return (
    <form className="add-members" aria-labelledby={titleId} onSubmit={(event) => void submit(event)}>
      <h3 id={titleId}>{t('members.title', { group: group.name })}</h3>
      <label className="add-members__find">
        <span>{t('members.find')}</span>
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </label>
      <fieldset className="add-members__choices" aria-label={t('members.choices')}>
        {shown.length === 0 ? <p className="field__hint">{t('members.noMatch')}</p> : null}
        {shown.map((partner) => (
          <label key={partner.id} className="add-members__choice">
            <input type="checkbox" checked={chosen.has(partner.id)} onChange={() => toggle(partner.id)} />
            <span>{partner.name}</span>
          </label>
        ))}
        {matches.length > shown.length ? (
          <p className="field__hint">{t('members.more', { count: matches.length - shown.length })}</p>
        ) : null}
      </fieldset>
      <div className="inline-form">
        <label className="add-members__role">
          <span>{t('members.role')}</span>
          <select value={role} onChange={(event) => setRole(event.target.value as Membership['role'])}>
            {memberRoles.map((option) => (
              <option key={option} value={option}>
                {t(roleKey[option])}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--small button--primary" disabled={busy || chosen.size === 0}>
          {t('members.add', { count: chosen.size })}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={() => setOpen(false)}>
          {t('members.cancel')}
        </button>
      </div>
    </form>
  );
}
