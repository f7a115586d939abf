import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An agenda item's minutes. A value the store would refuse (0, blank, over 600, a fraction) is
 * said so under the field instead of being dropped without a word; the last good value stays saved.
 */
export function TimeboxField({ value, save }: { value: number; save(minutes: number): void }) {
  const { t } = useTranslation();
  const problemId = useId();
  const [problem, setProblem] = useState(false);
  return (
    <label>
      {t('meeting.agenda.timebox')}
      <input
        type="number"
        min={1}
        max={600}
        defaultValue={value}
        aria-invalid={problem || undefined}
        aria-describedby={problem ? problemId : undefined}
        onChange={(event) => {
          const minutes = Number(event.target.value);
          const good = event.target.value !== '' && Number.isInteger(minutes) && minutes >= 1 && minutes <= 600;
          setProblem(!good);
          if (good) save(minutes);
        }}
      />
      {problem ? (
        <span id={problemId} role="alert" className="field__error">
          {t('meeting.agenda.timeboxProblem')}
        </span>
      ) : null}
    </label>
  );
}
