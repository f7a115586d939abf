import { useTranslation } from 'react-i18next';
import { knownSectors, type Partner } from '../../../src-main/contract/index';

/** Literal keys, so the locale test can see that each is used. */
export const stageKey: Record<Partner['stage'], string> = {
  identified: 'stages.identified',
  invited: 'stages.invited',
  engaged: 'stages.engaged',
  committed: 'stages.committed',
  champion: 'stages.champion',
};

export function useSectorLabel(): (sector: string) => string {
  const { t } = useTranslation();
  return (sector) => ((knownSectors as readonly string[]).includes(sector) ? t(`sectors.${sector}`) : sector);
}
