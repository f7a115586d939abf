import { useTranslation } from 'react-i18next';
import { phases, type Initiative } from '../../../src-main/contract/index';

interface PhaseSelectProps {
  id: string;
  value: Initiative['phase'];
  onChange(phase: Initiative['phase']): void;
}

export function PhaseSelect({ id, value, onChange }: PhaseSelectProps) {
  const { t } = useTranslation();
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value as Initiative['phase'])}>
      {phases.map((phase) => (
        <option key={phase} value={phase}>
          {t(`phases.${phase}`)}
        </option>
      ))}
    </select>
  );
}
