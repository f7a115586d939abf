import { useTranslation } from 'react-i18next';
import { knownSectors, partnerKinds, type Partner } from '../../../src-main/contract/index';

interface SelectProps<T extends string> {
  id?: string;
  value: T;
  label?: string;
  onChange(value: T): void;
}

/** Known sectors, plus the partner's own custom sector when it has one. */
export function SectorSelect({ id, value, label, onChange }: SelectProps<string>) {
  const { t } = useTranslation();
  const custom = (knownSectors as readonly string[]).includes(value) ? [] : [value];
  return (
    <select id={id} aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      {knownSectors.map((sector) => (
        <option key={sector} value={sector}>
          {t(`sectors.${sector}`)}
        </option>
      ))}
      {custom.map((sector) => (
        <option key={sector} value={sector}>
          {sector}
        </option>
      ))}
    </select>
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
