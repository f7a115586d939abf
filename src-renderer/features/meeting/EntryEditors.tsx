import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  actionStatuses,
  decisionOutcomes,
  type ActionItem,
  type ActionPatch,
  type ApiError,
  type Decision,
  type DecisionPatch,
} from '../../../src-main/contract/index';
import { AutosaveText } from '../../components/AutosaveText';
import { describeError } from '../../i18n/index';
import { usePartners } from '../partners/store';
import { outcomeKey } from './labels';
import { useMeeting } from './store';
import { PickOne } from '../../components/PickOne';
import { longTextLimit } from '../../components/TooLongNotice';
import { DueDateField } from './DueDateField';

type Outcome = (typeof decisionOutcomes)[number];
type Status = (typeof actionStatuses)[number];

/** An Edit button that opens the fields below it; labelled with the entry so each is findable. */
export function EditToggle({ text, open, onToggle }: { text: string; open: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="link-button"
      aria-expanded={open}
      aria-label={t('meeting.edit.toggle', { text })}
      onClick={onToggle}
    >
      {open ? t('meeting.edit.done') : t('meeting.edit.open')}
    </button>
  );
}

function SaveError({ error }: { error: ApiError | null }) {
  return error ? (
    <p className="field__error" role="alert">
      {describeError(error)}
    </p>
  ) : null;
}

/** A recorded decision's wording, outcome and rationale, saved as they are changed. */
export function DecisionEditor({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const save = useCallback(
    async (patch: DecisionPatch) => {
      const result = await useMeeting.getState().act('decisions.update', { decisionId: decision.id, patch });
      return result.ok ? null : result.error;
    },
    [decision.id],
  );
  return (
    <div className="entry-editor">
      <AutosaveText
        label={t('meeting.decision.text')}
        value={decision.text}
        required
        multiline
        maxLength={longTextLimit}
        save={(text) => save({ text })}
      />
      <label>
        {t('meeting.decision.outcome')}
        <select
          defaultValue={decision.outcome}
          onChange={async (event) => setError(await save({ outcome: event.target.value as Outcome }))}
        >
          {decisionOutcomes.map((option) => (
            <option key={option} value={option}>
              {t(outcomeKey[option])}
            </option>
          ))}
        </select>
      </label>
      <SaveError error={error} />
      <AutosaveText
        label={t('meeting.decision.rationale')}
        value={decision.rationale}
        multiline
        maxLength={longTextLimit}
        save={(rationale) => save({ rationale })}
      />
    </div>
  );
}

/** An action item's wording, owner, due date and status, saved as they are changed. */
export function ActionEditor({ action, onSaved }: { action: ActionItem; onSaved(): void }) {
  const { t } = useTranslation();
  const partners = usePartners((state) => state.partners);
  const [error, setError] = useState<ApiError | null>(null);
  const save = useCallback(
    async (patch: ActionPatch) => {
      const result = await useMeeting.getState().act('actions.update', { actionId: action.id, patch });
      onSaved();
      return result.ok ? null : result.error;
    },
    [action.id, onSaved],
  );
  return (
    <div className="entry-editor">
      <AutosaveText
        label={t('meeting.action.text')}
        value={action.text}
        required
        multiline
        maxLength={longTextLimit}
        save={(text) => save({ text })}
      />
      <PickOne
        label={t('meeting.action.owner')}
        noneLabel={t('meeting.plan.nobody')}
        options={partners}
        defaultValue={action.ownerId}
        onChange={async (id) => setError(await save({ ownerId: id }))}
      />
      <DueDateField initial={action.dueDate} onChange={async (dueDate) => setError(await save({ dueDate }))} />
      <label>
        {t('meeting.tracker.status')}
        <select
          defaultValue={action.status}
          onChange={async (event) => setError(await save({ status: event.target.value as Status }))}
        >
          <option value="open">{t('meeting.tracker.open')}</option>
          <option value="done">{t('meeting.tracker.done')}</option>
        </select>
      </label>
      <SaveError error={error} />
    </div>
  );
}
