import { useTranslation } from 'react-i18next';

/** The app's language is written right to left (Arabic): the page's own dir, set with the language. */
export function isRightToLeft(): boolean {
  return document.documentElement.dir === 'rtl';
}

function shortcuts(rtl: boolean): [string, string][] {
  return [
    ['D', 'meeting.shortcuts.decision'],
    ['A', 'meeting.shortcuts.action'],
    ['N', 'meeting.shortcuts.note'],
    ['P', 'meeting.shortcuts.parking'],
    [rtl ? '←' : '→', 'meeting.shortcuts.next'],
    [rtl ? '→' : '←', 'meeting.shortcuts.previous'],
    ['Space', 'meeting.shortcuts.timer'],
    ['?', 'meeting.shortcuts.help'],
    ['Esc', 'meeting.shortcuts.escape'],
  ];
}

/** Every meeting-mode key, shown with `?`. */
export function ShortcutSheet({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="shortcut-title" className="dialog card">
        <h2 id="shortcut-title">{t('meeting.shortcuts.title')}</h2>
        <dl className="shortcut-sheet">
          {shortcuts(isRightToLeft()).map(([key, label]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{t(label)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="button" autoFocus onClick={onDone}>
          {t('meeting.form.done')}
        </button>
      </div>
    </div>
  );
}
