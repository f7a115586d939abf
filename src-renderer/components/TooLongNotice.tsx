import { useTranslation } from 'react-i18next';
import { limits } from '../../src-main/contract/index';
import { i18next } from '../i18n/index';

/**
 * Text fields carry no `maxLength`: the browser would cut a long paste without a word. A text past
 * the limit stays in its field, is not saved, and this says why and by how much.
 */
export function tooLongMessage(length: number, limit: number = limits.longText): string | null {
  if (length <= limit) return null;
  const number = (value: number) => value.toLocaleString(i18next.language);
  return i18next.t('status.tooLong', { length: number(length), limit: number(limit) });
}

/** The same message beside a field that does not use AutosaveText. */
export function TooLongNotice({ text, limit = limits.longText }: { text: string; limit?: number }) {
  useTranslation();
  const message = tooLongMessage(text.length, limit);
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** The most a long text field (notes, statements, rationales) holds, as the contract checks it. */
export const longTextLimit = limits.longText;
