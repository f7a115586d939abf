import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FocusGroupScreen } from './FocusGroupScreen';
import { SearchScreen } from './SearchScreen';
import { ThemesScreen } from './ThemesScreen';
import './voice.css';

const tabs = ['groups', 'themes', 'search'] as const;
type Tab = (typeof tabs)[number];
const tabKey: Record<Tab, string> = {
  groups: 'voice.tabs.groups',
  themes: 'voice.tabs.themes',
  search: 'voice.tabs.search',
};

/** Community voice: each focus group's own screen, the shared codebook, and search across notes. */
export function FocusGroupsSection({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('groups');
  const panels: Record<Tab, ReactNode> = {
    groups: <FocusGroupScreen initiativeId={initiativeId} />,
    themes: <ThemesScreen initiativeId={initiativeId} />,
    search: <SearchScreen initiativeId={initiativeId} />,
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={t('voice.tabs.label')}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`voice-section-${name}`}
            aria-selected={tab === name}
            aria-controls={`voice-section-panel-${name}`}
            className={tab === name ? 'tabs__tab tabs__tab--current' : 'tabs__tab'}
            onClick={() => setTab(name)}
          >
            {t(tabKey[name])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`voice-section-panel-${tab}`} aria-labelledby={`voice-section-${tab}`}>
        {panels[tab]}
      </div>
    </>
  );
}
