import { v7 as uuidv7 } from 'uuid';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { knownSectors, type MeetingView } from '../../../src-main/contract/index';
import { useSectorLabel } from '../partners/labels';
import { IsolatedList } from './IsolatedList';
import { useMeeting } from './store';

/** Who is at the table: the invited list plus walk-ins, with sectors present and lived-experience seats. */
export function CheckInPanel({ view }: { view: MeetingView }) {
  const { t } = useTranslation();
  const sectorLabel = useSectorLabel();
  const sessionId = view.session.id;
  const present = view.attendance.filter((person) => person.checkedIn);
  const sectors = [...new Set(present.map((person) => person.sector))].sort();
  const lived = present.filter((person) => person.livedExperience).length;
  const [name, setName] = useState('');
  const [sector, setSector] = useState<string>('community');
  const [livedExperience, setLivedExperience] = useState(false);

  async function walkIn(event: FormEvent) {
    event.preventDefault();
    const walkInName = name;
    if (!walkInName.trim()) return;
    // Emptied at once, like the agenda's new-item field, so a second walk-in typed quickly stays.
    setName('');
    setLivedExperience(false);
    const result = await useMeeting.getState().act('attendance.walkIn', {
      sessionId,
      partner: { name: walkInName, kind: 'person', sector, livedExperience },
      id: uuidv7(),
    });
    if (!result.ok) setName((typed) => typed || walkInName);
  }

  return (
    <section aria-labelledby="checkin-title" className="checkin">
      <h3 id="checkin-title">{t('meeting.checkIn.title')}</h3>
      <p role="status" className="checkin__counts">
        {t('meeting.checkIn.present', { count: present.length })} ·{' '}
        {t('meeting.checkIn.sectors', { count: sectors.length })} · {t('meeting.checkIn.lived', { count: lived })}
      </p>
      {sectors.length > 0 ? (
        <p className="field__hint" data-testid="sectors-present">
          <IsolatedList items={sectors.map(sectorLabel)} />
        </p>
      ) : null}
      <ul className="checkin__list" aria-label={t('meeting.checkIn.list')}>
        {view.attendance.map((person) => (
          <li key={person.id}>
            <label>
              <input
                type="checkbox"
                checked={person.checkedIn}
                onChange={(event) =>
                  void useMeeting.getState().act('attendance.checkIn', {
                    sessionId,
                    partnerId: person.partnerId,
                    present: event.target.checked,
                  })
                }
              />
              <bdi>{person.name}</bdi>
              {person.livedExperience ? ' ★' : ''}
            </label>
          </li>
        ))}
      </ul>
      <form
        className="checkin__walkin"
        aria-label={t('meeting.checkIn.walkIn')}
        onSubmit={(event) => void walkIn(event)}
      >
        <input
          aria-label={t('meeting.checkIn.walkInName')}
          placeholder={t('meeting.checkIn.walkInName')}
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
        />
        <select
          aria-label={t('meeting.checkIn.sector')}
          value={sector}
          onChange={(event) => setSector(event.target.value)}
        >
          {knownSectors.map((option) => (
            <option key={option} value={option}>
              {t(`sectors.${option}`)}
            </option>
          ))}
        </select>
        <label>
          <input
            type="checkbox"
            checked={livedExperience}
            onChange={(event) => setLivedExperience(event.target.checked)}
          />
          {t('meeting.checkIn.livedExperience')}
        </label>
        <button type="submit" className="button">
          {t('meeting.checkIn.add')}
        </button>
      </form>
    </section>
  );
}
