import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits, type ApiError } from '../../src-main/contract/index';
import { describeError } from '../i18n/index';
import { Field } from './Field';
import { tooLongMessage } from './TooLongNotice';
import { useAutosave } from './useAutosave';

interface AutosaveTextProps {
  label: string;
  value: string;
  required?: boolean;
  multiline?: boolean;
  /** Past it the text is kept in the field, not saved, and a message says so (no silent cut). */
  maxLength?: number;
  type?: 'text' | 'email' | 'tel';
  hint?: string;
  save(value: string): Promise<ApiError | null>;
}

/**
 * A text field that saves every keystroke through its own coalescing saver, so typing in one
 * field never drops what was typed in another. A required field left empty shows why and is not
 * saved.
 */
export function AutosaveText({
  label,
  value,
  required,
  multiline,
  maxLength = limits.shortText,
  type = 'text',
  hint,
  save,
}: AutosaveTextProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const saveNow = useAutosave(
    useCallback(
      async (next: string) => {
        const failure = await save(next);
        setError(failure ? describeError(failure) : null);
      },
      [save],
    ),
  );
  function change(next: string) {
    setDraft(next);
    if (required && next.trim() === '') return setError(t('errors.required'));
    // Kept in the field, not saved, and said: never cut without a word (see TooLongNotice).
    const tooLong = tooLongMessage(next.length, maxLength);
    if (tooLong) return setError(tooLong);
    setError(null);
    saveNow(next);
  }
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) =>
        multiline ? (
          <textarea {...props} rows={3} value={draft} onChange={(event) => change(event.target.value)} />
        ) : (
          <input {...props} type={type} value={draft} onChange={(event) => change(event.target.value)} />
        )
      }
    </Field>
  );
}
