import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Partner } from '../../../src-main/contract/index';
import { useToast } from '../../components/Toast';
import { useShortcut } from '../../components/useShortcut';
import { describeError } from '../../i18n/index';
import { PartnerRow } from './PartnerRow';
import { QuickAdd } from './QuickAdd';
import { usePartners } from './store';

function matches(partner: Partner, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  return needle === '' || `${partner.name} ${partner.sector}`.toLocaleLowerCase().includes(needle);
}

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
  const showToast = useToast((state) => state.show);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [lastDeleted, setLastDeleted] = useState<Partner | null>(null);

  useEffect(() => {
    void load(initiativeId);
  }, [initiativeId, load]);

  const visible = useMemo(
    () => partners.filter((partner) => matches(partner, deferredQuery)),
    [partners, deferredQuery],
  );

  const undoDelete = useCallback(() => {
    if (!lastDeleted) return;
    void restore(lastDeleted.id);
    setLastDeleted(null);
  }, [lastDeleted, restore]);
  useShortcut('z', undoDelete, { withModifier: true });

  async function deletePartner(partner: Partner) {
    const failure = await remove(partner.id);
    if (failure) return showToast(describeError(failure));
    setLastDeleted(partner);
    showToast(t('partners.deleted', { name: partner.name }), t('partners.undo'), () => {
      void restore(partner.id);
      setLastDeleted(null);
    });
  }

  return (
    <section className="screen" aria-labelledby="partners-title">
      <header className="screen__header">
        <h1 id="partners-title">{t('partners.title')}</h1>
        <p className="screen__meta">{t('partners.count', { count: partners.length })}</p>
      </header>
      <QuickAdd />
      <div className="toolbar">
        <input
          type="search"
          className="toolbar__search"
          aria-label={t('partners.search')}
          placeholder={t('partners.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
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
      {partners.length > 0 && visible.length === 0 ? <p className="empty">{t('partners.noMatch', { query })}</p> : null}
      {visible.length > 0 ? (
        <table className="table" aria-labelledby="partners-title">
          <thead>
            <tr>
              <th scope="col">{t('partners.name')}</th>
              <th scope="col">{t('partners.kind')}</th>
              <th scope="col">{t('partners.sector')}</th>
              <th scope="col" className="cell--actions">
                {t('partners.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((partner) => (
              <PartnerRow
                key={partner.id}
                partner={partner}
                editing={editingId === partner.id}
                onEdit={() => setEditingId(partner.id)}
                onDone={() => setEditingId(null)}
                onDelete={() => void deletePartner(partner)}
              />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
