import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { promptKinds, type MeetingView, type PromptKind } from '../../../../src-main/contract/index';
import { kindKeys } from './wording';

export interface OpenRequest {
  kind: PromptKind;
  question: string;
  options: string[];
  dots: number;
  scaleMax: number;
}

/** The facilitator's form for the next question on the phones. */
export function PromptOpener({ view, onOpen }: { view: MeetingView; onOpen(request: OpenRequest): Promise<boolean> }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PromptKind>('fist');
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [dots, setDots] = useState(3);
  const [scaleMax, setScaleMax] = useState(5);
  const withOptions = kind === 'vote' || kind === 'dots' || kind === 'statements';
  const parking = view.parking.filter((item) => item.sessionId === view.session.id);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const list = options
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const opened = await onOpen({ kind, question: question.trim(), options: withOptions ? list : [], dots, scaleMax });
    if (opened) setQuestion('');
  }

  return (
    <form className="room__opener" onSubmit={(event) => void submit(event)}>
      <label>
        {t('room.open.kind')}
        <select value={kind} onChange={(event) => setKind(event.target.value as PromptKind)}>
          {promptKinds.map((entry) => (
            <option key={entry} value={entry}>
              {t(kindKeys[entry])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('room.open.question')}
        <input type="text" value={question} required onChange={(event) => setQuestion(event.target.value)} />
      </label>
      {withOptions ? (
        <>
          <label>
            {kind === 'statements' ? t('room.open.statements') : t('room.open.options')}
            <textarea value={options} rows={4} onChange={(event) => setOptions(event.target.value)} />
          </label>
          {parking.length > 0 && kind !== 'statements' ? (
            <button
              type="button"
              className="button"
              onClick={() => setOptions(parking.map((item) => item.text.split('\n')[0].slice(0, 120)).join('\n'))}
            >
              {t('room.open.fromParking')}
            </button>
          ) : null}
        </>
      ) : null}
      {kind === 'dots' ? (
        <label>
          {t('room.open.dots')}
          <input
            type="number"
            min={1}
            max={10}
            value={dots}
            onChange={(event) => setDots(Number(event.target.value))}
          />
        </label>
      ) : null}
      {kind === 'rating' ? (
        <label>
          {t('room.open.scaleMax')}
          <input
            type="number"
            min={2}
            max={10}
            value={scaleMax}
            onChange={(event) => setScaleMax(Number(event.target.value))}
          />
        </label>
      ) : null}
      <button type="submit" className="button button--primary">
        {t('room.open.submit')}
      </button>
    </form>
  );
}
