import { useTranslation } from 'react-i18next';
import type { RoomStatus } from '../../../../src-main/contract/index';
import { ReadinessOnPhones } from './ReadinessOnPhones';
import { kindKeys, reasonLine, resultWording, slotLabels, statementLines } from './wording';

interface Props {
  status: RoomStatus;
  onClose(): void;
  onReveal(): void;
  onRecord(wording: string): void;
  /** Saves a readiness round's answers as the round's sheets. */
  onRecordSheets(): void;
  onModerate(ideaId: string, to: 'notes' | 'parking' | 'dismiss'): void;
}

/** The question on the phones with its live count, its result once revealed, and the ideas queue. */
export function RoomResults({ status, onClose, onReveal, onRecord, onRecordSheets, onModerate }: Props) {
  const { t } = useTranslation();
  const prompt = status.prompt;
  return (
    <>
      {prompt?.kind === 'readiness' ? (
        <ReadinessOnPhones prompt={prompt} onClose={onClose} onRecord={onRecordSheets} />
      ) : prompt ? (
        <section aria-labelledby="room-prompt" className="room__prompt">
          <h4 id="room-prompt">
            {t(kindKeys[prompt.kind])}: <bdi>{prompt.question}</bdi>
          </h4>
          <p role="status" className="room__answered">
            {t('room.answered', { answered: prompt.answered })} · {prompt.open ? t('room.isOpen') : t('room.isClosed')}
          </p>
          <div className="room__buttons">
            {prompt.open ? (
              <button type="button" className="button" onClick={onClose}>
                {t('room.close')}
              </button>
            ) : null}
            {!prompt.revealed && prompt.kind !== 'ideas' ? (
              <button type="button" className="button" onClick={onReveal}>
                {t('room.reveal')}
              </button>
            ) : null}
            {!prompt.open && prompt.tally && !prompt.recorded ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => onRecord(resultWording(t, prompt, prompt.tally!))}
              >
                {prompt.kind === 'fist' || prompt.kind === 'consent' ? t('room.recordDecision') : t('room.recordNote')}
              </button>
            ) : null}
          </div>
          {prompt.recorded ? (
            <p className="field__hint">
              {prompt.recorded === 'decision' ? t('room.recordedDecision') : t('room.recordedNote')}
            </p>
          ) : null}
          {prompt.tally ? (
            <>
              <ul className="room__tally" aria-label={t('room.results')}>
                {slotLabels(t, prompt).map((label, index) => (
                  <li key={index}>
                    <bdi>{label}</bdi>: <strong>{prompt.tally!.counts[index]}</strong>
                  </li>
                ))}
              </ul>
              {prompt.kind === 'statements' ? (
                <ul className="room__reasons" aria-label={t('room.standing')}>
                  {statementLines(t, prompt, prompt.tally).map((line, index) => (
                    <li key={index}>
                      <bdi>{line}</bdi>
                    </li>
                  ))}
                </ul>
              ) : null}
              {prompt.tally.reasons.length > 0 ? (
                <ul className="room__reasons" aria-label={t('room.reasons')}>
                  {prompt.tally.reasons.map((reason, index) => (
                    <li key={index}>
                      <bdi>{reasonLine(t, reason)}</bdi>
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : prompt.kind !== 'ideas' ? (
            <p className="field__hint">{t('room.hidden')}</p>
          ) : null}
        </section>
      ) : null}
      {status.ideas.length > 0 ? (
        <section aria-labelledby="room-ideas" className="room__ideas">
          <h4 id="room-ideas">{t('room.ideasWaiting')}</h4>
          <ul>
            {status.ideas.map((idea) => (
              <li key={idea.id}>
                <span className="room__idea-kind">{idea.kind === 'idea' ? t('room.idea') : t('room.concern')}</span>{' '}
                <bdi>{idea.text}</bdi>
                {idea.name ? (
                  <>
                    {' '}
                    (<bdi>{idea.name}</bdi>)
                  </>
                ) : null}
                <div className="room__buttons">
                  <button type="button" className="button" onClick={() => onModerate(idea.id, 'notes')}>
                    {t('room.toNotes')}
                  </button>
                  <button type="button" className="button" onClick={() => onModerate(idea.id, 'parking')}>
                    {t('room.toParking')}
                  </button>
                  <button type="button" className="button" onClick={() => onModerate(idea.id, 'dismiss')}>
                    {t('room.dismiss')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
