import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from './labels';

/**
 * An action's due date. A day already past is allowed (an action noted after the fact) but said
 * so beside the field, since it is more often a slip of the date picker than a wish.
 */
export function DueDateField({ initial, onChange }: { initial: string; onChange(date: string): void }) {
  const { t } = useTranslation();
  const warningId = useId();
  const [date, setDate] = useState(initial);
  const past = date !== '' && date < localToday();
  return (
    <label>
      {t('meeting.action.due')}
      <input
        type="date"
        value={date}
        aria-describedby={past ? warningId : undefined}
        onChange={(event) => {
          setDate(event.target.value);
          onChange(event.target.value);
        }}
      />
      {past ? (
        <span id={warningId} role="status" className="field__warning">
          {t('meeting.action.pastDue')}
        </span>
      ) : null}
    </label>
  );
}
