import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decisionMethods,
  decisionOutcomes,
  type DecisionMethod,
  type MeetingView,
  type Tally,
} from '../../../src-main/contract/index';
import { useOneSubmission } from '../../components/useOneSubmission';
import { describeError } from '../../i18n/index';
import { methodKey, outcomeKey } from './labels';
import { useMeeting } from './store';
import { TooLongNotice } from '../../components/TooLongNotice';

const fingers = [0, 1, 2, 3, 4, 5];
const fingerKey = [
  'meeting.decision.fist0',
  'meeting.decision.fist1',
  'meeting.decision.fist2',
  'meeting.decision.fist3',
  'meeting.decision.fist4',
  'meeting.decision.fist5',
];

function whole(value: string): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : 0;
}

/** A decision with the tally its method needs and the voice notes that informed it. */
export function DecisionForm({ view, itemId, onDone }: { view: MeetingView; itemId: string | null; onDone(): void }) {
  const { t } = useTranslation();
  const carried = useMeeting((state) => state.carried);
  const [text, setText] = useState('');
  const [agendaItemId, setAgendaItemId] = useState(itemId ?? '');
  const [method, setMethod] = useState<DecisionMethod>('consensus');
  const [fist, setFist] = useState<number[]>([0, 0, 0, 0, 0, 0]);
  const [votes, setVotes] = useState({ for: 0, against: 0, abstain: 0 });
  const [objections, setObjections] = useState('');
  const [outcome, setOutcome] = useState<(typeof decisionOutcomes)[number]>('agreed');
  const [rationale, setRationale] = useState('');
  const [noteIds, setNoteIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submission = useOneSubmission();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return setError(t('errors.required'));
    await submission.submit(async (id) => save(id));
  }

  async function save(id: string): Promise<boolean> {
    const tally: Tally =
      method === 'fist_to_five' ? { fist } : method === 'majority' ? votes : method === 'consent' ? { objections } : {};
    const result = await useMeeting.getState().act('decisions.record', {
      decision: {
        sessionId: view.session.id,
        agendaItemId: agendaItemId || null,
        text,
        method,
        tally,
        outcome,
        rationale,
        noteIds,
      },
      id,
    });
    if (!result.ok) {
      setError(describeError(result.error));
      return false;
    }
    onDone();
    return true;
  }

  return (
    <div className="dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="decision-title"
        className="dialog card"
        onSubmit={(event) => void submit(event)}
      >
        <h2 id="decision-title">{t('meeting.decision.title')}</h2>
        <label>
          {t('meeting.decision.text')}
          <textarea autoFocus value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <TooLongNotice text={text} />
        <label>
          {t('meeting.decision.item')}
          <select value={agendaItemId} onChange={(event) => setAgendaItemId(event.target.value)}>
            <option value="">{t('meeting.decision.noItem')}</option>
            {view.items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('meeting.decision.method')}
          <select value={method} onChange={(event) => setMethod(event.target.value as DecisionMethod)}>
            {decisionMethods.map((option) => (
              <option key={option} value={option}>
                {t(methodKey[option])}
              </option>
            ))}
          </select>
        </label>
        {method === 'fist_to_five' ? (
          <fieldset className="tally">
            <legend>{t('meeting.decision.fistLegend')}</legend>
            {fingers.map((finger) => (
              <label key={finger}>
                {t(fingerKey[finger])}
                <input
                  type="number"
                  min={0}
                  value={fist[finger]}
                  onChange={(event) =>
                    setFist(fist.map((value, at) => (at === finger ? whole(event.target.value) : value)))
                  }
                />
              </label>
            ))}
          </fieldset>
        ) : null}
        {method === 'majority' ? (
          <fieldset className="tally">
            <legend>{t('meeting.decision.voteLegend')}</legend>
            {(['for', 'against', 'abstain'] as const).map((side) => (
              <label key={side}>
                {t(
                  side === 'for'
                    ? 'meeting.decision.for'
                    : side === 'against'
                      ? 'meeting.decision.against'
                      : 'meeting.decision.abstain',
                )}
                <input
                  type="number"
                  min={0}
                  value={votes[side]}
                  onChange={(event) => setVotes({ ...votes, [side]: whole(event.target.value) })}
                />
              </label>
            ))}
          </fieldset>
        ) : null}
        {method === 'consent' ? (
          <label>
            {t('meeting.decision.objections')}
            <textarea value={objections} onChange={(event) => setObjections(event.target.value)} />
          </label>
        ) : null}
        <label>
          {t('meeting.decision.outcome')}
          <select value={outcome} onChange={(event) => setOutcome(event.target.value as typeof outcome)}>
            {decisionOutcomes.map((option) => (
              <option key={option} value={option}>
                {t(outcomeKey[option])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('meeting.decision.rationale')}
          <textarea value={rationale} onChange={(event) => setRationale(event.target.value)} />
        </label>
        <fieldset>
          <legend>{t('meeting.decision.voice')}</legend>
          {carried.length === 0 ? <p className="field__hint">{t('meeting.live.noVoice')}</p> : null}
          {carried.map((note) => (
            <label key={note.id} className="check">
              <input
                type="checkbox"
                checked={noteIds.includes(note.id)}
                onChange={(event) =>
                  setNoteIds(event.target.checked ? [...noteIds, note.id] : noteIds.filter((id) => id !== note.id))
                }
              />
              {note.text}
            </label>
          ))}
        </fieldset>
        {error ? (
          <p role="alert" className="field__error">
            {error}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" className="button button--primary" disabled={submission.pending}>
            {t('meeting.decision.save')}
          </button>
          <button type="button" className="button" onClick={onDone}>
            {t('meeting.form.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
