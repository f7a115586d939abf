import { i18next } from '../i18n/index';
import { useToast } from './Toast';

/**
 * Short fields (names, titles) keep a `maxLength`, and the browser cuts a longer paste without a
 * word. This listens to every paste in the window and says when that happened, and by how much,
 * so nothing is dropped silently. Long text fields carry no `maxLength` (see TooLongNotice).
 */
export function noticeCutPastes(event: ClipboardEvent): void {
  // Listened to as the event leaves the page: a field that takes the paste over itself (the
  // measures grid spreads a block over cells) has cancelled it by then, and nothing was cut.
  if (event.defaultPrevented) return;
  const field = event.target;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
  const limit = field.maxLength;
  if (!(limit > 0)) return;
  const pasted = event.clipboardData?.getData('text/plain') ?? '';
  const selected = Math.abs((field.selectionEnd ?? 0) - (field.selectionStart ?? 0));
  const wanted = field.value.length - selected + pasted.length;
  if (wanted <= limit) return;
  const number = (value: number) => value.toLocaleString(i18next.language);
  useToast.getState().show(i18next.t('status.pasteCut', { limit: number(limit), cut: number(wanted - limit) }));
}
