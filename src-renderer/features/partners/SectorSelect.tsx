import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { knownSectors, limits, partnerKinds, type Partner } from '../../../src-main/contract/index';
import { OpenChoice } from '../../components/OpenChoice';
import { customSectorsInUse } from './filters';
import { usePartners } from './store';

interface SelectProps<T extends string> {
  id?: string;
  value: T;
  label?: string;
  onChange(value: T): void;
}

/**
 * Known sectors, then the custom sectors already used in this initiative, then "Custom sector…"
 * for a new one. While a new one is typed, `onChange` receives the text as it stands ('' while
 * empty), so callers decide when an empty one is an error.
 */
export function SectorSelect({ id, value, label, error, onChange }: SelectProps<string> & { error?: string | null }) {
  const { t } = useTranslation();
  const partners = usePartners((state) => state.partners);
  const custom = useMemo(() => customSectorsInUse(partners), [partners]);
  const choices = useMemo(
    () => [
      ...knownSectors.map((sector) => ({ value: sector, label: t(`sectors.${sector}`) })),
      ...custom.map((sector) => ({ value: sector, label: sector })),
    ],
    [custom, t],
  );
  return (
    <OpenChoice
      id={id}
      label={label}
      value={value}
      choices={choices}
      customChoiceLabel={t('partners.customSector')}
      customInputLabel={t('partners.customSectorName')}
      maxLength={limits.sector}
      error={error}
      onChange={onChange}
    />
  );
}

export function KindSelect({ id, value, label, onChange }: SelectProps<Partner['kind']>) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as Partner['kind'])}
    >
      {partnerKinds.map((kind) => (
        <option key={kind} value={kind}>
          {t(`kinds.${kind}`)}
        </option>
      ))}
    </select>
  );
}

export { useSectorLabel } from './labels';
