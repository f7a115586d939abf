import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../src-main/contract/index';
import { stageKey, useSectorLabel } from './labels';

interface PartnerTableProps {
  partners: Partner[];
  selectedId: string | null;
  onSelect(partner: Partner): void;
  onDelete(partner: Partner): void;
}

const rowHeight = 48;

/**
 * Only the rows in view are in the DOM, so the table stays smooth with thousands of partners.
 * Spacer rows above and below keep the scroll height honest.
 */
export function PartnerTable({ partners, selectedId, onSelect, onDelete }: PartnerTableProps) {
  const { t } = useTranslation();
  const sectorLabel = useSectorLabel();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: partners.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div className="table-scroll" ref={scrollRef} data-testid="partner-table-scroll">
      <table className="table table--fixed" aria-labelledby="partners-title" aria-rowcount={partners.length + 1}>
        <thead>
          <tr>
            <th scope="col">{t('partners.name')}</th>
            <th scope="col">{t('partners.kind')}</th>
            <th scope="col">{t('partners.sector')}</th>
            <th scope="col">{t('partners.stage')}</th>
            <th scope="col" className="cell--actions">
              {t('partners.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 ? <tr className="spacer" style={{ height: top }} aria-hidden="true" /> : null}
          {items.map((item) => {
            const partner = partners[item.index];
            return (
              <tr
                key={partner.id}
                aria-rowindex={item.index + 2}
                aria-selected={partner.id === selectedId}
                className={partner.id === selectedId ? 'row--selected' : undefined}
                style={{ height: rowHeight }}
                onClick={() => onSelect(partner)}
              >
                <td className="cell--name">
                  {partner.name}
                  {partner.livedExperience ? (
                    <span
                      className="badge"
                      title={t('partners.livedExperience')}
                      aria-label={t('partners.livedExperience')}
                    >
                      ★
                    </span>
                  ) : null}
                </td>
                <td>{t(`kinds.${partner.kind}`)}</td>
                <td>{sectorLabel(partner.sector)}</td>
                <td>{t(stageKey[partner.stage])}</td>
                <td className="cell--actions">
                  <button
                    type="button"
                    className="button button--small"
                    onClick={(event) => {
                      event.stopPropagation();
                      onSelect(partner);
                    }}
                    aria-label={`${t('partners.edit')}: ${partner.name}`}
                  >
                    {t('partners.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    onClick={(event) => {
                      event.stopPropagation();
                      onDelete(partner);
                    }}
                    aria-label={`${t('partners.delete')}: ${partner.name}`}
                  >
                    {t('partners.delete')}
                  </button>
                </td>
              </tr>
            );
          })}
          {bottom > 0 ? <tr className="spacer" style={{ height: bottom }} aria-hidden="true" /> : null}
        </tbody>
      </table>
    </div>
  );
}
