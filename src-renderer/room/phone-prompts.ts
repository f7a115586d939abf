import { el, typed } from './dom';
import type { PhonePrompt } from './phone-api';
import { readinessFields } from './phone-readiness';
import { t } from './phone-words';

/** The value part of an answer, as the room server takes it (src-main/room/answers.ts). */
export type AnswerValue = Record<string, unknown> & { kind: string };

const fingerWords = [
  'roomPhone.fist.f0',
  'roomPhone.fist.f1',
  'roomPhone.fist.f2',
  'roomPhone.fist.f3',
  'roomPhone.fist.f4',
  'roomPhone.fist.f5',
];
const stanceWords: Record<string, string> = {
  agree: 'roomPhone.stance.agree',
  disagree: 'roomPhone.stance.disagree',
  pass: 'roomPhone.stance.pass',
};
const consentWords: Record<string, string> = {
  consent: 'roomPhone.consent.consent',
  concern: 'roomPhone.consent.concern',
  stand_aside: 'roomPhone.consent.standAside',
  object: 'roomPhone.consent.object',
};

function radios(
  legend: string,
  name: string,
  choices: { value: string; label: Node | string }[],
  checked: string | null,
) {
  return el(
    'fieldset',
    {},
    el('legend', {}, legend),
    ...choices.map((choice) =>
      el(
        'label',
        { class: 'choice' },
        el('input', {
          type: 'radio',
          name,
          value: choice.value,
          ...(choice.value === checked ? { checked: '' } : {}),
        }),
        choice.label,
      ),
    ),
  );
}

const picked = (form: HTMLFormElement, name: string) =>
  form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? null;

/**
 * The form for one prompt, filled with this phone's earlier answer. `read` returns the value to
 * send, or a message saying what is missing.
 */
export function promptFields(
  prompt: PhonePrompt,
  earlier: AnswerValue | null,
): {
  fields: HTMLElement;
  read(form: HTMLFormElement): AnswerValue | string;
} {
  const question = t('roomPhone.yourAnswer');
  switch (prompt.kind) {
    case 'fist':
      return {
        fields: radios(
          question,
          'fingers',
          fingerWords.map((key, fingers) => ({ value: String(fingers), label: t(key) })),
          earlier ? String(earlier.fingers) : null,
        ),
        read: (form) => {
          const value = picked(form, 'fingers');
          return value === null ? t('roomPhone.pickOne') : { kind: 'fist', fingers: Number(value) };
        },
      };
    case 'consent': {
      const reason = el('textarea', { id: 'reason', name: 'reason', maxlength: '500' });
      reason.value = typeof earlier?.reason === 'string' ? earlier.reason : '';
      return {
        fields: el(
          'div',
          {},
          radios(
            question,
            'choice',
            Object.entries(consentWords).map(([value, key]) => ({ value, label: t(key) })),
            typeof earlier?.choice === 'string' ? earlier.choice : null,
          ),
          el('label', { for: 'reason' }, t('roomPhone.reason')),
          reason,
        ),
        read: (form) => {
          const choice = picked(form, 'choice');
          if (choice === null) return t('roomPhone.pickOne');
          if (choice === 'object' && reason.value.trim() === '') return t('roomPhone.reasonNeeded');
          return { kind: 'consent', choice, reason: reason.value.trim() };
        },
      };
    }
    case 'vote':
      return {
        fields: radios(
          question,
          'option',
          prompt.options.map((option, index) => ({ value: String(index), label: typed(option) })),
          earlier ? String(earlier.option) : null,
        ),
        read: (form) => {
          const value = picked(form, 'option');
          return value === null ? t('roomPhone.pickOne') : { kind: 'vote', option: Number(value) };
        },
      };
    case 'rating':
      return {
        fields: radios(
          t('roomPhone.rating', { max: prompt.scaleMax }),
          'rating',
          Array.from({ length: prompt.scaleMax }, (_, index) => ({
            value: String(index + 1),
            label: String(index + 1),
          })),
          earlier ? String(earlier.value) : null,
        ),
        read: (form) => {
          const value = picked(form, 'rating');
          return value === null ? t('roomPhone.pickOne') : { kind: 'rating', value: Number(value) };
        },
      };
    case 'dots': {
      const before = Array.isArray(earlier?.options) ? (earlier.options as number[]) : [];
      const inputs = prompt.options.map((_, index) =>
        el('input', {
          id: `dots-${index}`,
          type: 'number',
          inputmode: 'numeric',
          min: '0',
          max: String(prompt.dots),
          value: String(before.filter((option) => option === index).length),
        }),
      );
      return {
        fields: el(
          'fieldset',
          {},
          el('legend', {}, t('roomPhone.dots', { dots: prompt.dots })),
          el(
            'div',
            { class: 'dots' },
            ...prompt.options.flatMap((option, index) => [
              el('label', { for: `dots-${index}` }, typed(option)),
              inputs[index],
            ]),
          ),
        ),
        read: () => {
          const counts = inputs.map((input) => Math.max(0, Math.floor(Number(input.value) || 0)));
          const total = counts.reduce((sum, count) => sum + count, 0);
          if (total === 0) return t('roomPhone.placeDots');
          if (total > prompt.dots) return t('roomPhone.tooManyDots', { dots: prompt.dots });
          return { kind: 'dots', options: counts.flatMap((count, index) => new Array<number>(count).fill(index)) };
        },
      };
    }
    case 'statements': {
      const before = Array.isArray(earlier?.votes) ? (earlier.votes as string[]) : [];
      return {
        fields: el(
          'div',
          {},
          ...prompt.options.map((statement, index) =>
            radios(
              statement,
              `stance-${index}`,
              Object.entries(stanceWords).map(([value, key]) => ({ value, label: t(key) })),
              before[index] ?? null,
            ),
          ),
        ),
        read: (form) => {
          const votes = prompt.options.map((_, index) => picked(form, `stance-${index}`));
          return votes.includes(null) ? t('roomPhone.pickEach') : { kind: 'statements', votes };
        },
      };
    }
    case 'readiness':
      // A round with no items cannot be put up (main refuses it); an older server sends none.
      return readinessFields(prompt.round ?? { scale: 'progress', ratesImportance: false, items: [] }, earlier);
    case 'ideas': {
      const text = el('textarea', { id: 'idea', name: 'idea', maxlength: '500' });
      return {
        fields: el(
          'div',
          {},
          radios(
            t('roomPhone.ideaKind'),
            'about',
            [
              { value: 'idea', label: t('roomPhone.idea') },
              { value: 'concern', label: t('roomPhone.concern') },
            ],
            'idea',
          ),
          el('label', { for: 'idea' }, t('roomPhone.ideaText')),
          text,
        ),
        read: (form) => {
          if (text.value.trim() === '') return t('roomPhone.ideaEmpty');
          return { kind: 'ideas', about: picked(form, 'about') ?? 'idea', text: text.value.trim() };
        },
      };
    }
  }
}
