import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { engagementStages, knownSectors, type Partner } from '../../../src-main/contract/index';
import { useToast } from '../../components/Toast';
import { useShortcut } from '../../components/useShortcut';
import { describeError } from '../../i18n/index';
import { useGroups } from '../groups/store';
import {
  customSectorsInUse,
  makePartnerQuery,
  noFilter,
  tagsInUse,
  type PartnerFilter,
  type PartnerSort,
} from './filters';
import { stageKey } from './labels';
import { PartnerDetail } from './PartnerDetail';
import { PartnerTable } from './PartnerTable';
import { QuickAdd } from './QuickAdd';
import { usePartners } from './store';

export function PartnersScreen({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const { partners, status, error, load, remove, restore } = usePartners(
    useShallow((state) => ({
      partners: state.partners,
      status: state.status,
      error: state.error,
      load: state.load,
      remove: state.remove,
      restore: state.restore,
    })),
  );
  const { groups, loadGroups } = useGroups(useShallow((state) => ({ groups: state.groups, loadGroups: state.load })));
  const showToast = useToast((state) => state.show);
  const [filter, setFilter] = useState<PartnerFilter>(noFilter);
  const [sort, setSort] = useState<PartnerSort>('name');
  const deferredFilter = useDeferredValue(filter);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [lastDeleted, setLastDeleted] = useState<Partner | null>(null);

  useEffect(() => {
    void load(initiativeId);
    void loadGroups(initiativeId);
  }, [initiativeId, load, loadGroups]);

  const query = useMemo(() => makePartnerQuery(partners, groups), [partners, groups]);
  const visible = useMemo(() => query(deferredFilter, sort), [query, deferredFilter, sort]);
  const tags = useMemo(() => tagsInUse(partners), [partners]);
  const selected = partners.find((partner) => partner.id === selectedId) ?? null;
  const customSectors = useMemo(() => customSectorsInUse(partners), [partners]);

  const undoDelete = useCallback(() => {
    if (!lastDeleted) return;
    void restore(lastDeleted.id);
    setLastDeleted(null);
  }, [lastDeleted, restore]);
  useShortcut('z', undoDelete, { withModifier: true });
  useShortcut(
    '/',
    useCallback(() => document.getElementById('partner-search')?.focus(), []),
  );
  useShortcut(
    'Escape',
    useCallback(() => setSelectedId(null), []),
  );

  async function deletePartner(partner: Partner) {
    const failure = await remove(partner.id);
    if (failure) return showToast(describeError(failure));
    if (selectedId === partner.id) setSelectedId(null);
    setLastDeleted(partner);
    showToast(t('partners.deleted', { name: partner.name }), t('partners.undo'), () => {
      void restore(partner.id);
      setLastDeleted(null);
    });
  }

  const set = <K extends keyof PartnerFilter>(key: K, value: PartnerFilter[K]) =>
    setFilter((previous) => ({ ...previous, [key]: value }));
  const filtered = JSON.stringify(filter) !== JSON.stringify(noFilter);

  return (
    <section className="screen" aria-labelledby="partners-title">
      <header className="screen__header">
        <h1 id="partners-title">{t('partners.title')}</h1>
        <p className="screen__meta">
          {filtered
            ? t('partners.showing', { shown: visible.length, count: partners.length })
            : t('partners.count', { count: partners.length })}
        </p>
      </header>
      <QuickAdd />
      <div className="toolbar" role="search">
        <input
          id="partner-search"
          type="search"
          className="toolbar__search"
          aria-label={t('partners.search')}
          placeholder={t('partners.searchHint')}
          value={filter.query}
          onChange={(event) => set('query', event.target.value)}
        />
        <select
          aria-label={t('partners.filterSector')}
          value={filter.sector ?? ''}
          onChange={(event) => set('sector', event.target.value || null)}
        >
          <option value="">{t('partners.allSectors')}</option>
          {knownSectors.map((sector) => (
            <option key={sector} value={sector}>
              {t(`sectors.${sector}`)}
            </option>
          ))}
          {customSectors.map((sector) => (
            <option key={sector} value={sector}>
              {sector}
            </option>
          ))}
        </select>
        <select
          aria-label={t('partners.filterStage')}
          value={filter.stage ?? ''}
          onChange={(event) => set('stage', (event.target.value || null) as Partner['stage'] | null)}
        >
          <option value="">{t('partners.allStages')}</option>
          {engagementStages.map((stage) => (
            <option key={stage} value={stage}>
              {t(stageKey[stage])}
            </option>
          ))}
        </select>
        <select
          aria-label={t('partners.filterGroup')}
          value={filter.groupId ?? ''}
          onChange={(event) => set('groupId', event.target.value || null)}
        >
          <option value="">{t('partners.allGroups')}</option>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
        {tags.length > 0 ? (
          <select
            aria-label={t('partners.filterTag')}
            value={filter.tag ?? ''}
            onChange={(event) => set('tag', event.target.value || null)}
          >
            <option value="">{t('partners.allTags')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        ) : null}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filter.livedExperienceOnly}
            onChange={(event) => set('livedExperienceOnly', event.target.checked)}
          />
          {t('partners.livedExperienceOnly')}
        </label>
        <select
          aria-label={t('partners.sortBy')}
          value={sort}
          onChange={(event) => setSort(event.target.value as PartnerSort)}
        >
          <option value="name">{t('partners.sortName')}</option>
          <option value="sector">{t('partners.sortSector')}</option>
          <option value="stage">{t('partners.sortStage')}</option>
          <option value="influence">{t('partners.sortInfluence')}</option>
          <option value="interest">{t('partners.sortInterest')}</option>
        </select>
      </div>
      {status === 'error' && error ? (
        <div className="notice notice--error" role="alert">
          <p>{t('partners.loadFailed', { reason: describeError(error) })}</p>
          <button type="button" className="button" onClick={() => void load(initiativeId)}>
            {t('partners.retry')}
          </button>
        </div>
      ) : null}
      {status === 'ready' && partners.length === 0 ? <p className="empty">{t('partners.empty')}</p> : null}
      {partners.length > 0 && visible.length === 0 ? (
        <p className="empty">{t('partners.noMatch', { query: filter.query })}</p>
      ) : null}
      <div className={selected ? 'split split--open' : 'split'}>
        {visible.length > 0 ? (
          <PartnerTable
            partners={visible}
            selectedId={selectedId}
            onSelect={(partner) => setSelectedId(partner.id)}
            onDelete={(partner) => void deletePartner(partner)}
          />
        ) : (
          <div />
        )}
        {selected ? <PartnerDetail key={selected.id} partner={selected} onClose={() => setSelectedId(null)} /> : null}
      </div>
    </section>
  );
}
