import { v7 as uuidv7 } from 'uuid';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaPurposes, type AgendaItem, type MeetingView, type VoiceNote } from '../../../src-main/contract/index';
import { AutosaveText } from '../../components/AutosaveText';
import { usePartners } from '../partners/store';
import { voiceBeside, VoiceQuotes } from './CarriedVoice';
import { purposeKey } from './labels';
import { useMeeting } from './store';
import { TimeboxField } from './TimeboxField';
import { PickOne } from '../../components/PickOne';
import { useChannelAnswer } from '../../api/useChannelAnswer';

/** Items with a timebox, a purpose and a presenter; reordered with buttons or Alt+Up/Down. */
export function AgendaBuilder({ view }: { view: MeetingView }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [notice, setNotice] = useState('');
  const sessionId = view.session.id;
  const items = view.items;
  const carried = useMeeting((state) => state.carried);
  const initiativeId = useMeeting((state) => state.initiativeId);
  // The initiative's indicators, for making an item a data item; asked again with the plan.
  const indicators = useChannelAnswer('measures.indicators.list', initiativeId ? { initiativeId } : null, view).value;
  const total = items.reduce((sum, item) => sum + item.timeboxMinutes, 0);

  // The field empties at once, not when the save returns: a fast typist's next title must not be
  // wiped by the previous save's answer. A failed save gives the title back if the field is empty.
  async function add() {
    const next = title;
    if (!next.trim()) return;
    setTitle('');
    const result = await useMeeting.getState().act('agenda.add', { sessionId, item: { title: next }, id: uuidv7() });
    if (!result.ok) setTitle((typed) => typed || next);
  }
  async function move(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= items.length) return;
    const order = items.map((item) => item.id);
    [order[index], order[target]] = [order[target], order[index]];
    await useMeeting.getState().act('agenda.reorder', { sessionId, itemIds: order });
    document.getElementById(`agenda-move-${items[index].id}`)?.focus();
  }
  /** Dropping an item on another puts it in that item's place. */
  async function drop(draggedId: string, targetIndex: number) {
    const order = items.map((item) => item.id).filter((id) => id !== draggedId);
    if (order.length === items.length) return;
    order.splice(targetIndex, 0, draggedId);
    await useMeeting.getState().act('agenda.reorder', { sessionId, itemIds: order });
  }
  async function reuse() {
    const result = await useMeeting.getState().act('agenda.reuseLast', { sessionId });
    setNotice(result.ok ? '' : t('meeting.agenda.nothingToReuse'));
  }

  return (
    <section className="card agenda" aria-labelledby="agenda-title">
      <header className="row">
        <h3 id="agenda-title">{t('meeting.agenda.title', { count: items.length })}</h3>
        <span className="field__hint">{t('meeting.agenda.total', { minutes: total })}</span>
        <button type="button" className="button" onClick={() => void reuse()}>
          {t('meeting.agenda.reuse')}
        </button>
      </header>
      {notice ? <p role="status">{notice}</p> : null}
      <ol className="agenda__items" aria-label={t('meeting.agenda.list')}>
        {items.map((item, index) => (
          <AgendaRow
            key={item.id}
            item={item}
            index={index}
            last={index === items.length - 1}
            voice={voiceBeside(view, carried, item.id)}
            indicators={indicators ?? []}
            move={move}
            drop={drop}
          />
        ))}
      </ol>
      <div className="row">
        <input
          aria-label={t('meeting.agenda.new')}
          placeholder={t('meeting.agenda.new')}
          value={title}
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void add();
          }}
        />
        <button type="button" className="button" onClick={() => void add()}>
          {t('meeting.agenda.add')}
        </button>
      </div>
    </section>
  );
}

interface RowProps {
  item: AgendaItem;
  index: number;
  last: boolean;
  voice: readonly VoiceNote[];
  indicators: readonly { id: string; name: string }[];
  move(index: number, by: -1 | 1): Promise<void>;
  drop(draggedId: string, targetIndex: number): Promise<void>;
}

function AgendaRow({ item, index, last, voice, indicators, move, drop }: RowProps) {
  const { t } = useTranslation();
  const partners = usePartners((state) => state.partners);
  const update = (patch: Parameters<typeof patchItem>[1]) => patchItem(item.id, patch);
  function onKeyDown(event: KeyboardEvent) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    void move(index, event.key === 'ArrowUp' ? -1 : 1);
  }
  return (
    <li
      className="agenda__item"
      onKeyDown={onKeyDown}
      aria-label={item.title}
      draggable
      onDragStart={(event) => event.dataTransfer.setData('text/x-agenda-item', item.id)}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        const dragged = event.dataTransfer.getData('text/x-agenda-item');
        if (dragged && dragged !== item.id) void drop(dragged, index);
      }}
    >
      <span className="agenda__number" title={t('meeting.agenda.drag')}>
        ⠿ {index + 1}
      </span>
      <AutosaveText
        label={t('meeting.agenda.itemTitle')}
        value={item.title}
        required
        save={(title) => update({ title })}
      />
      <TimeboxField value={item.timeboxMinutes} save={(timeboxMinutes) => void update({ timeboxMinutes })} />
      <label>
        {t('meeting.agenda.purpose')}
        <select
          value={item.purpose}
          onChange={(event) => void update({ purpose: event.target.value as AgendaItem['purpose'] })}
        >
          {agendaPurposes.map((purpose) => (
            <option key={purpose} value={purpose}>
              {t(purposeKey[purpose])}
            </option>
          ))}
        </select>
      </label>
      <PickOne
        label={t('meeting.agenda.presenter')}
        noneLabel={t('meeting.plan.nobody')}
        options={partners}
        value={item.presenterId}
        onChange={(id) => void update({ presenterId: id })}
      />
      {indicators.length > 0 || item.indicatorId ? (
        <PickOne
          label={t('dataItem.plan.indicator')}
          noneLabel={t('dataItem.plan.noIndicator')}
          options={indicators}
          value={item.indicatorId}
          onChange={(id) => void update({ indicatorId: id })}
        />
      ) : null}
      <div className="agenda__moves">
        <button
          id={`agenda-move-${item.id}`}
          type="button"
          className="button"
          disabled={index === 0}
          aria-label={t('meeting.agenda.moveUp', { title: item.title })}
          title="Alt+↑"
          onClick={() => void move(index, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="button"
          disabled={last}
          aria-label={t('meeting.agenda.moveDown', { title: item.title })}
          title="Alt+↓"
          onClick={() => void move(index, 1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="button"
          aria-label={t('meeting.agenda.remove', { title: item.title })}
          onClick={() => void useMeeting.getState().act('agenda.delete', { itemId: item.id })}
        >
          ×
        </button>
      </div>
      <VoiceQuotes notes={voice} label={t('meeting.voice.onItem', { title: item.title })} />
    </li>
  );
}

async function patchItem(
  itemId: string,
  patch: Partial<Pick<AgendaItem, 'title' | 'timeboxMinutes' | 'purpose' | 'presenterId' | 'notes' | 'indicatorId'>>,
) {
  const result = await useMeeting.getState().act('agenda.update', { itemId, patch });
  return result.ok ? null : result.error;
}
