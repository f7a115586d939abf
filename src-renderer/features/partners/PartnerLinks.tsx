import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  limits,
  memberRoles,
  relationshipDirections,
  relationshipKinds,
  type Membership,
  type Partner,
  type RelationshipDirection,
} from '../../../src-main/contract/index';
import { OpenChoice } from '../../components/OpenChoice';
import { useToast } from '../../components/Toast';
import { describeError } from '../../i18n/index';
import { useGroups } from '../groups/store';
import { customRelationshipKindsInUse, roleKey, relationshipKindLabel } from '../groups/labels';
import { usePartners } from './store';

const directionWords: Record<RelationshipDirection, string> = {
  directed: 'direction.directed',
  undirected: 'direction.undirected',
  mutual: 'direction.mutual',
};

/** The groups a partner sits in and the relationships it has, editable in place. */
export function PartnerLinks({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const { groups, relationships, setMember, removeMember, createRelationship, updateRelationship, deleteRelationship } =
    useGroups();
  const partners = usePartners((state) => state.partners);
  const showToast = useToast((state) => state.show);
  const kindLabel = useMemo(() => relationshipKindLabel(t), [t]);
  const memberships = groups.flatMap((group) =>
    group.members.filter((member) => member.partnerId === partner.id).map((member) => ({ group, member })),
  );
  const available = groups.filter((group) => !group.members.some((member) => member.partnerId === partner.id));
  const [groupId, setGroupId] = useState('');
  const [role, setRole] = useState<Membership['role']>('member');
  const [otherId, setOtherId] = useState('');
  const [kind, setKind] = useState<string>('partners_with');
  const [kindError, setKindError] = useState<string | null>(null);
  const kindChoices = useMemo(
    () =>
      [...relationshipKinds, ...customRelationshipKindsInUse(relationships)].map((option) => ({
        value: option,
        label: kindLabel(option),
      })),
    [relationships, kindLabel],
  );
  const [strength, setStrength] = useState(2);
  const [direction, setDirection] = useState<RelationshipDirection>('directed');
  const directionChoices = relationshipDirections.map((option) => (
    <option key={option} value={option}>
      {t(directionWords[option])}
    </option>
  ));
  const names = new Map(partners.map((other) => [other.id, other.name]));
  const mine = relationships.filter((relation) => relation.fromId === partner.id || relation.toId === partner.id);

  const report = (error: Awaited<ReturnType<typeof setMember>>) => {
    if (error) showToast(describeError(error));
  };

  return (
    <>
      <section className="links" aria-labelledby={`groups-of-${partner.id}`}>
        <h3 id={`groups-of-${partner.id}`}>{t('partners.groups')}</h3>
        {memberships.length === 0 ? <p className="field__hint">{t('partners.inNoGroup')}</p> : null}
        <ul className="plain-list">
          {memberships.map(({ group, member }) => (
            <li key={group.id} className="links__item">
              <span className="swatch" style={{ background: group.colour }} aria-hidden="true" />
              <span className="links__name">{group.name}</span>
              <select
                aria-label={t('groups.roleIn', { group: group.name })}
                value={member.role}
                onChange={(event) =>
                  void setMember(group.id, partner.id, event.target.value as Membership['role']).then(report)
                }
              >
                {memberRoles.map((option) => (
                  <option key={option} value={option}>
                    {t(roleKey[option])}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => void removeMember(group.id, partner.id).then(report)}
              >
                {t('groups.removeMember')}
              </button>
            </li>
          ))}
        </ul>
        {available.length > 0 ? (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              const target = groupId || available[0].id;
              void setMember(target, partner.id, role).then(report);
              setGroupId('');
            }}
          >
            <select
              aria-label={t('groups.chooseGroup')}
              value={groupId || available[0].id}
              onChange={(event) => setGroupId(event.target.value)}
            >
              {available.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
            <select
              aria-label={t('groups.role')}
              value={role}
              onChange={(event) => setRole(event.target.value as Membership['role'])}
            >
              {memberRoles.map((option) => (
                <option key={option} value={option}>
                  {t(roleKey[option])}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--small">
              {t('groups.addToGroup')}
            </button>
          </form>
        ) : null}
      </section>
      <section className="links" aria-labelledby={`relations-of-${partner.id}`}>
        <h3 id={`relations-of-${partner.id}`}>{t('relationships.title')}</h3>
        {mine.length === 0 ? <p className="field__hint">{t('relationships.none')}</p> : null}
        <ul className="plain-list">
          {mine.map((relation) => {
            const outgoing = relation.fromId === partner.id;
            const other = names.get(outgoing ? relation.toId : relation.fromId) ?? '';
            return (
              <li key={relation.id} className="links__item">
                <span className="links__name">
                  {outgoing
                    ? t('relationships.outgoing', { kind: kindLabel(relation.kind), other })
                    : t('relationships.incoming', { kind: kindLabel(relation.kind), other })}
                </span>
                <select
                  aria-label={t('relationships.kindWith', { other })}
                  value={relation.kind}
                  onChange={(event) => void updateRelationship(relation.id, { kind: event.target.value }).then(report)}
                >
                  {kindChoices.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </select>
                <select
                  aria-label={t('relationships.strengthWith', { other })}
                  value={relation.strength}
                  onChange={(event) =>
                    void updateRelationship(relation.id, { strength: Number(event.target.value) }).then(report)
                  }
                >
                  <option value={1}>{t('relationships.weak')}</option>
                  <option value={2}>{t('relationships.medium')}</option>
                  <option value={3}>{t('relationships.strong')}</option>
                </select>
                <select
                  aria-label={t('direction.with', { other })}
                  value={relation.direction}
                  onChange={(event) =>
                    void updateRelationship(relation.id, {
                      direction: event.target.value as RelationshipDirection,
                    }).then(report)
                  }
                >
                  {directionChoices}
                </select>
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() => void deleteRelationship(relation.id).then(report)}
                >
                  {t('relationships.remove')}
                </button>
              </li>
            );
          })}
        </ul>
        {partners.length > 1 ? (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (kind === '') return setKindError(t('relationships.customKindMissing'));
              const toId = otherId || partners.find((other) => other.id !== partner.id)?.id;
              if (toId) void createRelationship({ fromId: partner.id, toId, kind, strength, direction }).then(report);
            }}
          >
            <OpenChoice
              label={t('relationships.kind')}
              value={kind}
              choices={kindChoices}
              customChoiceLabel={t('relationships.customKind')}
              customInputLabel={t('relationships.customKindName')}
              maxLength={limits.sector}
              error={kindError}
              onChange={(next) => {
                setKind(next);
                setKindError(null);
              }}
            />
            <select
              aria-label={t('relationships.other')}
              value={otherId}
              onChange={(event) => setOtherId(event.target.value)}
            >
              {partners
                .filter((other) => other.id !== partner.id)
                .map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                  </option>
                ))}
            </select>
            <select
              aria-label={t('relationships.strength')}
              value={strength}
              onChange={(event) => setStrength(Number(event.target.value))}
            >
              <option value={1}>{t('relationships.weak')}</option>
              <option value={2}>{t('relationships.medium')}</option>
              <option value={3}>{t('relationships.strong')}</option>
            </select>
            <select
              aria-label={t('direction.label')}
              value={direction}
              onChange={(event) => setDirection(event.target.value as RelationshipDirection)}
            >
              {directionChoices}
            </select>
            <button type="submit" className="button button--small">
              {t('relationships.add')}
            </button>
          </form>
        ) : null}
      </section>
    </>
  );
}
