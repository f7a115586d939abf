import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "health, education and community" in the app's language (Intl.ListFormat), each item in its own
 * <bdi>: a name typed in Latin letters keeps its punctuation in place inside an Arabic sentence.
 */
export function IsolatedList({ items }: { items: string[] }) {
  const { i18n } = useTranslation();
  const parts = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).formatToParts(items);
  return (
    <>
      {parts.map((part, index) =>
        part.type === 'element' ? <bdi key={index}>{part.value}</bdi> : <Fragment key={index}>{part.value}</Fragment>,
      )}
    </>
  );
}
