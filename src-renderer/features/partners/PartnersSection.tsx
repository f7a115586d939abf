import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportExportPanel } from '../exchange/ImportExportPanel';
import { GroupsScreen } from '../groups/GroupsScreen';
import { RepresentationPanel } from '../representation/RepresentationPanel';
import { PartnersScreen } from './PartnersScreen';

const tabs = ['roster', 'groups', 'representation', 'exchange'] as const;
type Tab = (typeof tabs)[number];
const tabKey: Record<Tab, string> = {
  roster: 'partnerTabs.roster',
  groups: 'partnerTabs.groups',
  representation: 'partnerTabs.representation',
  exchange: 'partnerTabs.exchange',
};

/** Partners, the groups they sit in, who is missing from the table, and moving rosters in and out. */
export function PartnersSection({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('roster');
  const panels: Record<Tab, ReactNode> = {
    roster: <PartnersScreen initiativeId={initiativeId} />,
    groups: <GroupsScreen initiativeId={initiativeId} />,
    representation: <RepresentationPanel initiativeId={initiativeId} />,
    exchange: <ImportExportPanel initiativeId={initiativeId} />,
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={t('partnerTabs.label')}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            className={tab === name ? 'tabs__tab tabs__tab--current' : 'tabs__tab'}
            onClick={() => setTab(name)}
          >
            {t(tabKey[name])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {panels[tab]}
      </div>
    </>
  );
}
