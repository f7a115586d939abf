import { v7 as uuidv7 } from 'uuid';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '../../../src-main/contract/index';
import { describeError } from '../../i18n/index';
import { useGroups } from '../groups/store';
import { usePartners } from '../partners/store';
import { DueDateField } from './DueDateField';
import { useMeeting } from './store';
import { PickOne } from '../../components/PickOne';
import { TooLongNotice } from '../../components/TooLongNotice';
import { useOneSubmission } from '../../components/useOneSubmission';

interface DialogFormProps {
  titleKey: string;
  /** Gets the new record's id, the same for every press of one submission; answers a failure or null. */
  onSubmit(newId: string): Promise<string | null>;
  onDone(): void;
  children: ReactNode;
}

function DialogForm({ titleKey, onSubmit, onDone, children }: DialogFormProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const submission = useOneSubmission();
  async function submit(event: FormEvent) {
    event.preventDefault();
    await submission.submit(async (newId) => {
      const failure = await onSubmit(newId);
      if (failure) setError(failure);
      else onDone();
      return failure === null;
    });
  }
  return (
    <div className="dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="quick-form-title"
        className="dialog card"
        onSubmit={(event) => void submit(event)}
      >
        <h2 id="quick-form-title">{t(titleKey)}</h2>
        {children}
        {error ? (
          <p role="alert" className="field__error">
            {error}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" className="button button--primary" disabled={submission.pending}>
            {t('meeting.form.save')}
          </button>
          <button type="button" className="button" onClick={onDone}>
            {t('meeting.form.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

/**
 * Who does what by when; the owner's list carries it past this session. It remembers the agenda
 * item it was made on, so an action from a data item leads back to the indicator.
 */
export function ActionForm({
  view,
  itemId = null,
  onDone,
}: {
  view: MeetingView;
  itemId?: string | null;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const partners = usePartners((state) => state.partners);
  const groups = useGroups((state) => state.groups);
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [groupId, setGroupId] = useState(view.session.groupId ?? '');
  async function save(id: string): Promise<string | null> {
    if (!text.trim()) return t('errors.required');
    const result = await useMeeting.getState().act('actions.add', {
      action: {
        text,
        ownerId: ownerId || null,
        dueDate,
        groupId: groupId || null,
        sessionId: view.session.id,
        agendaItemId: itemId,
      },
      id,
    });
    return result.ok ? null : describeError(result.error);
  }
  return (
    <DialogForm titleKey="meeting.action.title" onSubmit={save} onDone={onDone}>
      <label>
        {t('meeting.action.text')}
        <input autoFocus value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <TooLongNotice text={text} />
      <PickOne
        label={t('meeting.action.owner')}
        noneLabel={t('meeting.plan.nobody')}
        options={partners}
        value={ownerId}
        onChange={(id) => setOwnerId(id ?? '')}
      />
      <DueDateField initial={dueDate} onChange={setDueDate} />
      <PickOne
        label={t('meeting.action.group')}
        noneLabel={t('meeting.plan.noGroup')}
        options={groups}
        value={groupId}
        onChange={(id) => setGroupId(id ?? '')}
      />
    </DialogForm>
  );
}

/** An idea that does not fit today's agenda; it can move to a later session. */
export function ParkingForm({ view, onDone }: { view: MeetingView; onDone(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  // One id for this form: a second press or a retry finds the item the first one made.
  const [id] = useState(() => uuidv7());
  async function save(): Promise<string | null> {
    if (!text.trim()) return t('errors.required');
    const result = await useMeeting.getState().act('parking.add', { sessionId: view.session.id, text, id });
    return result.ok ? null : describeError(result.error);
  }
  return (
    <DialogForm titleKey="meeting.parking.title" onSubmit={save} onDone={onDone}>
      <label>
        {t('meeting.parking.text')}
        <input autoFocus value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <TooLongNotice text={text} />
    </DialogForm>
  );
}
