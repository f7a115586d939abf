import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner, PartnerPatch } from '../../../src-main/contract/index';
import { useAutosave } from '../../components/useAutosave';
import { describeError } from '../../i18n/index';
import { KindSelect, SectorSelect, useSectorLabel } from './SectorSelect';
import { usePartners } from './store';

interface PartnerRowProps {
  partner: Partner;
  editing: boolean;
  onEdit(): void;
  onDone(): void;
  onDelete(): void;
}

export function PartnerRow({ partner, editing, onEdit, onDone, onDelete }: PartnerRowProps) {
  const { t } = useTranslation();
  const sectorLabel = useSectorLabel();
  if (editing) return <EditingRow partner={partner} onDone={onDone} />;
  return (
    <tr>
      <td className="cell--name">{partner.name}</td>
      <td>{t(`kinds.${partner.kind}`)}</td>
      <td>{sectorLabel(partner.sector)}</td>
      <td className="cell--actions">
        <button
          type="button"
          className="button button--small"
          onClick={onEdit}
          aria-label={`${t('partners.edit')}: ${partner.name}`}
        >
          {t('partners.edit')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          onClick={onDelete}
          aria-label={`${t('partners.delete')}: ${partner.name}`}
        >
          {t('partners.delete')}
        </button>
      </td>
    </tr>
  );
}

/** Every keystroke is saved; an empty name is shown as an error and not saved. */
function EditingRow({ partner, onDone }: { partner: Partner; onDone(): void }) {
  const { t } = useTranslation();
  const update = usePartners((state) => state.update);
  const [name, setName] = useState(partner.name);
  const [error, setError] = useState<string | null>(null);
  const save = useAutosave(
    useCallback(
      async (patch: PartnerPatch) => {
        const failure = await update(partner.id, patch);
        setError(failure ? describeError(failure) : null);
      },
      [update, partner.id],
    ),
  );

  return (
    <tr className="row--editing">
      <td className="cell--name">
        <input
          aria-label={t('partners.editing', { name: partner.name })}
          value={name}
          maxLength={200}
          autoFocus
          aria-invalid={Boolean(error)}
          onChange={(event) => {
            setName(event.target.value);
            if (event.target.value.trim() === '') setError(t('errors.required'));
            else save({ name: event.target.value });
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === 'Escape') onDone();
          }}
        />
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </td>
      <td>
        <KindSelect label={t('partners.kind')} value={partner.kind} onChange={(kind) => save({ kind })} />
      </td>
      <td>
        <SectorSelect label={t('partners.sector')} value={partner.sector} onChange={(sector) => save({ sector })} />
      </td>
      <td className="cell--actions">
        <button type="button" className="button button--small button--primary" onClick={onDone}>
          {t('partners.done')}
        </button>
      </td>
    </tr>
  );
}
