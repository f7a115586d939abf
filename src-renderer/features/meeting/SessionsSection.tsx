import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useGroups } from '../groups/store';
import { usePartners } from '../partners/store';
import { ActionTracker } from './ActionTracker';
import { DecisionsLog } from './DecisionsLog';
import { SessionsScreen } from './SessionsScreen';
import { useMeeting } from './store';
import { hasUndo, undoLastDelete } from './undo';
import './meeting.css';

const tabs = ['sessions', 'decisions', 'actions'] as const;
type Tab = (typeof tabs)[number];
const tabStorageKey = 'commonground.sessionsTab';
/** The tab this window was on, so a reload in the decisions log does not land in meeting mode. */
function savedTab(): Tab {
  const saved = sessionStorage.getItem(tabStorageKey);
  return (tabs as readonly string[]).includes(saved ?? '') ? (saved as Tab) : 'sessions';
}
const tabKey: Record<Tab, string> = {
  sessions: 'meeting.tabs.sessions',
  decisions: 'meeting.tabs.decisions',
  actions: 'meeting.tabs.actions',
};

/** Sessions: plan and run meetings, then look back across them (decisions, actions). */
export function SessionsSection({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const [tab, setShownTab] = useState<Tab>(savedTab);
  const setTab = (next: Tab) => {
    sessionStorage.setItem(tabStorageKey, next);
    setShownTab(next);
  };
  useEffect(() => {
    // Ctrl+Z brings back the last deleted session or decision; inside a text field it stays the
    // field's own undo.
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z' || event.shiftKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA)$/.test(target.tagName)))
        return;
      if (!hasUndo()) return;
      event.preventDefault();
      void undoLastDelete();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  useEffect(() => {
    void useMeeting.getState().open(initiativeId);
    void usePartners.getState().load(initiativeId);
    void useGroups.getState().load(initiativeId);
  }, [initiativeId]);
  const panels: Record<Tab, ReactNode> = {
    sessions: <SessionsScreen />,
    decisions: <DecisionsLog initiativeId={initiativeId} />,
    actions: <ActionTracker initiativeId={initiativeId} />,
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={t('meeting.tabs.label')}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`meeting-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`meeting-panel-${name}`}
            className={tab === name ? 'tabs__tab tabs__tab--current' : 'tabs__tab'}
            onClick={() => setTab(name)}
          >
            {t(tabKey[name])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`meeting-panel-${tab}`} aria-labelledby={`meeting-tab-${tab}`}>
        {panels[tab]}
      </div>
    </>
  );
}
