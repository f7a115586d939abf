import { useEffect } from 'react';
import { subscribeToChanges } from './api/client';
import { noticeCutPastes } from './components/paste-cut-notice';
import { Toast } from './components/Toast';
import { UnavailableBanner } from './features/backups/UnavailableBanner';
import { FirstStart } from './features/initiatives/FirstStart';
import { useGroups } from './features/groups/store';
import { useInitiatives } from './features/initiatives/store';
import { usePartners } from './features/partners/store';
import { Shell } from './features/shell/Shell';
import { meetingTables, useMeeting } from './features/meeting/store';
import { useVoice, voiceTables } from './features/voice/store';
import { measuresTables, useMeasures } from './features/measures/store';
import { readinessTables, useReadiness } from './features/readiness/store';

/**
 * Links to other sites open in the person's browser (in Electron the main process hands them to
 * the system); the app's own window never navigates away.
 */
function keepNavigationInApp(event: MouseEvent) {
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  if (!(anchor instanceof HTMLAnchorElement)) return;
  // Files the app made (exports) are downloads, not places to go.
  if (anchor.hasAttribute('download') || anchor.protocol === 'blob:') return;
  if (new URL(anchor.href, window.location.href).origin === window.location.origin) return;
  event.preventDefault();
  window.open(anchor.href, '_blank', 'noopener,noreferrer');
}

export function App() {
  const { loaded, current, creatingNew, entries, loadList, refreshCurrent } = useInitiatives();

  useEffect(() => {
    void loadList();
    document.addEventListener('click', keepNavigationInApp);
    document.addEventListener('paste', noticeCutPastes);
    const unsubscribe = subscribeToChanges((notice) => {
      // A file found damaged while in use joins the list of unavailable ones, with its restore button.
      if (notice.damaged) return void loadList();
      if (notice.initiativeId !== useInitiatives.getState().current?.id) return;
      if (notice.tables.includes('partners')) void usePartners.getState().refetch();
      if (['groups', 'memberships', 'relationships', 'partners'].some((table) => notice.tables.includes(table))) {
        void useGroups.getState().refetch();
      }
      if (notice.tables.includes('initiative')) void refreshCurrent();
      if (voiceTables.some((table) => notice.tables.includes(table))) void useVoice.getState().refetch();
      if (meetingTables.some((table) => notice.tables.includes(table))) void useMeeting.getState().refetch();
      if (measuresTables.some((table) => notice.tables.includes(table))) void useMeasures.getState().refetch();
      if (readinessTables.some((table) => notice.tables.includes(table))) void useReadiness.getState().refetch();
    });
    return () => {
      document.removeEventListener('click', keepNavigationInApp);
      document.removeEventListener('paste', noticeCutPastes);
      unsubscribe();
    };
  }, [loadList, refreshCurrent]);

  const unavailable = entries.filter(
    (entry): entry is Extract<typeof entry, { status: 'unavailable' }> => entry.status === 'unavailable',
  );

  if (!loaded) return <div className="loading" aria-busy="true" />;
  return (
    <>
      <UnavailableBanner entries={unavailable} />
      {current && !creatingNew ? <Shell initiative={current} /> : <FirstStart />}
      <Toast />
    </>
  );
}
