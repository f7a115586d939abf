import { useTranslation } from 'react-i18next';
import type { RoomPrompt } from '../../../../src-main/contract/index';

interface Props {
  prompt: RoomPrompt;
  onClose(): void;
  onRecord(): void;
}

/**
 * A readiness round on the phones, as the facilitator's screen shows it: how many answered, and
 * once closed, saving the answers as the round's sheets. No counts here: the round's results,
 * with the rule on small groups, are read in the Readiness section.
 */
export function ReadinessOnPhones({ prompt, onClose, onRecord }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="room-prompt" className="room__prompt">
      <h4 id="room-prompt">
        {t('roomReadiness.kind')}: <bdi>{prompt.question}</bdi>
      </h4>
      <p className="field__hint">{t('roomReadiness.items', { items: prompt.readiness?.items ?? 0 })}</p>
      <p role="status" className="room__answered">
        {t('room.answered', { answered: prompt.answered })} · {prompt.open ? t('room.isOpen') : t('room.isClosed')}
      </p>
      <div className="room__buttons">
        {prompt.open ? (
          <button type="button" className="button" onClick={onClose}>
            {t('room.close')}
          </button>
        ) : null}
        {!prompt.open && !prompt.recorded ? (
          <button type="button" className="button button--primary" onClick={onRecord}>
            {t('roomReadiness.record')}
          </button>
        ) : null}
      </div>
      {prompt.recorded === 'sheets' ? (
        <p className="field__hint" role="status">
          {t('roomReadiness.recorded', { sheets: prompt.readiness?.sheetsSaved ?? 0 })}
        </p>
      ) : (
        <p className="field__hint">{t('roomReadiness.noCounts')}</p>
      )}
    </section>
  );
}
