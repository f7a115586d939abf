import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssessmentsPanel } from './AssessmentsPanel';
import { LearningPanel } from './LearningPanel';
import { OtherTablesPanel } from './OtherTablesPanel';
import { PhaseTrackerPanel } from './PhaseTrackerPanel';
import { useReadiness } from './store';
import './readiness.css';

const tabs = ['assessments', 'phases', 'learning', 'otherTables'] as const;
type Tab = (typeof tabs)[number];
const tabKey: Record<Tab, string> = {
  assessments: 'readiness.tabs.assessments',
  phases: 'readiness.tabs.phases',
  learning: 'readiness.tabs.learning',
  otherTables: 'readiness.tabs.otherTables',
};

/** Readiness and phases: rounds of shared assessment, their results, and the journey through the phases. */
export function ReadinessSection({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const load = useReadiness((state) => state.load);
  const [tab, setTab] = useState<Tab>('assessments');

  useEffect(() => {
    void load(initiativeId);
  }, [initiativeId, load]);

  return (
    <section className="screen readiness" aria-labelledby="readiness-title">
      <header className="screen__header">
        <h1 id="readiness-title">{t('nav.readiness')}</h1>
        <p className="screen__meta">{t('readiness.intro')}</p>
      </header>
      <div className="tabs" role="tablist" aria-label={t('readiness.tabs.label')}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`readiness-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`readiness-panel-${name}`}
            className={tab === name ? 'tabs__tab tabs__tab--current' : 'tabs__tab'}
            onClick={() => setTab(name)}
          >
            {t(tabKey[name])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`readiness-panel-${tab}`} aria-labelledby={`readiness-tab-${tab}`}>
        {tab === 'assessments' ? <AssessmentsPanel /> : null}
        {tab === 'phases' ? <PhaseTrackerPanel /> : null}
        {tab === 'learning' ? <LearningPanel /> : null}
        {tab === 'otherTables' ? <OtherTablesPanel /> : null}
      </div>
    </section>
  );
}
