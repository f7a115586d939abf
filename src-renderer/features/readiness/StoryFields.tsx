import { useTranslation } from 'react-i18next';
import { storyConsents } from '../../../src-main/contract/index';
import { Field } from '../../components/Field';

export type StoryConsent = (typeof storyConsents)[number];
export const consentKeys: Record<StoryConsent, string> = {
  named: 'readiness.stories.named',
  anonymous: 'readiness.stories.anonymous',
  internal: 'readiness.stories.internal',
};

/** A story as its form holds it; consent is '' until the teller's choice is recorded. */
export interface StoryFieldValues {
  title: string;
  story: string;
  consent: StoryConsent | '';
  collectedOn: string;
}

/**
 * The fields of a story (title, the words as told, the teller's consent, the day), the same when
 * a story is collected and when it is edited, so the two forms cannot drift apart. A new story
 * starts with no consent chosen (`consentUnchosen`): what the teller agreed to is asked, never assumed.
 */
export function StoryFields({
  values,
  onChange,
  error,
  consentUnchosen = false,
}: {
  values: StoryFieldValues;
  onChange(values: StoryFieldValues): void;
  error: string | null;
  consentUnchosen?: boolean;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<StoryFieldValues>) => onChange({ ...values, ...patch });
  return (
    <>
      <Field label={t('readiness.stories.storyTitle')} error={error}>
        {(props) => (
          <input {...props} value={values.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />
        )}
      </Field>
      <Field label={t('readiness.stories.story')}>
        {(props) => (
          <textarea {...props} rows={3} value={values.story} onChange={(e) => set({ story: e.target.value })} />
        )}
      </Field>
      <Field label={t('readiness.stories.consent')}>
        {(props) => (
          <select
            {...props}
            value={values.consent}
            onChange={(e) => set({ consent: e.target.value as StoryConsent | '' })}
          >
            {consentUnchosen ? <option value="">{t('readiness.phases.pick')}</option> : null}
            {storyConsents.map((one) => (
              <option key={one} value={one}>
                {t(consentKeys[one])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('readiness.stories.collectedOn')}>
        {(props) => (
          <input
            {...props}
            type="date"
            value={values.collectedOn}
            onChange={(e) => set({ collectedOn: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
