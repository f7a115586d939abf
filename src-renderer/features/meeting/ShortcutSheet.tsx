import { useTranslation } from 'react-i18next';

/** The app's language is written right to left (Arabic): the page's own dir, set with the language. */
export function isRightToLeft(): boolean {
  return document.documentElement.dir === 'rtl';
}

/** Each key, what it does, and the button in meeting mode that does the same (none for ? and Esc). */
function shortcuts(rtl: boolean): [string, string, string | null][] {
  return [
    ['D', 'meeting.shortcuts.decision', 'meeting.controls.decision'],
    ['A', 'meeting.shortcuts.action', 'meeting.controls.action'],
    ['N', 'meeting.shortcuts.note', 'meeting.controls.notes'],
    ['P', 'meeting.shortcuts.parking', 'meeting.controls.parking'],
    [rtl ? '←' : '→', 'meeting.shortcuts.next', 'meeting.controls.next'],
    [rtl ? '→' : '←', 'meeting.shortcuts.previous', 'meeting.controls.previous'],
    ['Space', 'meeting.shortcuts.timer', 'meeting.controls.start'],
    ['?', 'meeting.shortcuts.help', 'meeting.live.shortcuts'],
    ['Esc', 'meeting.shortcuts.escape', null],
  ];
}

/** Every meeting-mode key and its button, shown with `?` or the Shortcuts button. */
export function ShortcutSheet({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="shortcut-title" className="dialog card">
        <h2 id="shortcut-title">{t('meeting.shortcuts.title')}</h2>
        <table className="shortcut-sheet">
          <thead>
            <tr>
              <th scope="col">{t('meeting.shortcuts.key')}</th>
              <th scope="col">{t('meeting.shortcuts.does')}</th>
              <th scope="col">{t('meeting.shortcuts.button')}</th>
            </tr>
          </thead>
          <tbody>
            {shortcuts(isRightToLeft()).map(([key, label, button]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{t(label)}</td>
                <td>{button ? t(button) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="button" autoFocus onClick={onDone}>
          {t('meeting.form.done')}
        </button>
      </div>
    </div>
  );
}
