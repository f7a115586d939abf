import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Initiative } from '../../../src-main/contract/index';
import { ExportHub } from '../exchange/ExportHub';
import { InitiativeSwitcher } from '../initiatives/InitiativeSwitcher';
import { MapScreen } from '../map/MapScreen';
import { PartnersSection } from '../partners/PartnersSection';
import { SettingsScreen } from '../settings/SettingsScreen';
import { useAutoSync } from '../settings/useAutoSync';
import { FocusGroupsSection } from '../voice/FocusGroupsSection';
import { SessionsSection } from '../meeting/SessionsSection';
import { MeasuresSection } from '../measures/MeasuresSection';
import { ReadinessSection } from '../readiness/ReadinessSection';
import { sectionLabelKey, sections, type Section } from './sections';
import { StatusIndicator } from './StatusIndicator';

const sectionKey = 'commonground.section';

function savedSection(): Section {
  const saved = localStorage.getItem(sectionKey);
  return (sections as readonly string[]).includes(saved ?? '') ? (saved as Section) : 'partners';
}

/** The frame around every screen: navigation on the side, status on top. Ctrl+1..8 switch sections. */
export function Shell({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>(savedSection);
  useAutoSync(initiative.id);

  const go = useCallback((next: Section) => {
    localStorage.setItem(sectionKey, next);
    setSection(next);
  }, []);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const index = Number(event.key) - 1;
      if (!Number.isInteger(index) || index < 0 || index >= sections.length) return;
      event.preventDefault();
      go(sections[index]);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [go]);

  return (
    <div className="shell">
      <aside className="sidebar">
        <div>
          <p className="sidebar__brand">{t('app.name')}</p>
          <p className="sidebar__tagline">{t('app.tagline')}</p>
        </div>
        <InitiativeSwitcher />
        <nav aria-label={t('nav.label')}>
          <ul className="nav">
            {sections.map((name, index) => (
              <li key={name}>
                <button
                  type="button"
                  className={name === section ? 'nav__item nav__item--current' : 'nav__item'}
                  aria-current={name === section ? 'page' : undefined}
                  onClick={() => go(name)}
                  title={`Ctrl+${index + 1}`}
                >
                  {t(sectionLabelKey[name])}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="main">
        <header className="topbar">
          <p className="topbar__initiative">{initiative.name}</p>
          <StatusIndicator initiativeId={initiative.id} />
        </header>
        <main className="content">
          {section === 'partners' ? <PartnersSection initiativeId={initiative.id} /> : null}
          {section === 'map' ? <MapScreen initiativeId={initiative.id} /> : null}
          {section === 'focusGroups' ? <FocusGroupsSection initiativeId={initiative.id} /> : null}
          {section === 'sessions' ? <SessionsSection initiativeId={initiative.id} /> : null}
          {section === 'settings' ? <SettingsScreen initiative={initiative} /> : null}
          {section === 'export' ? <ExportHub initiativeId={initiative.id} go={go} /> : null}
          {section === 'measures' ? <MeasuresSection initiativeId={initiative.id} /> : null}
          {section === 'readiness' ? <ReadinessSection initiativeId={initiative.id} /> : null}
        </main>
      </div>
    </div>
  );
}
