import { el, typed } from './dom';
import type { PhoneRound } from './phone-api';
import type { AnswerValue } from './phone-prompts';
import { t } from './phone-words';

/** The app's sector list (src-main/contract/models.ts knownSectors), each with its phone words. */
const sectorWords: Record<string, string> = {
  nonprofit: 'roomPhone.readiness.sectors.nonprofit',
  education: 'roomPhone.readiness.sectors.education',
  health: 'roomPhone.readiness.sectors.health',
  government: 'roomPhone.readiness.sectors.government',
  business: 'roomPhone.readiness.sectors.business',
  philanthropy: 'roomPhone.readiness.sectors.philanthropy',
  faith: 'roomPhone.readiness.sectors.faith',
  community: 'roomPhone.readiness.sectors.community',
  media: 'roomPhone.readiness.sectors.media',
  other: 'roomPhone.readiness.sectors.other',
};

/** The words for levels 1..4 of each scale, as the Readiness section names them. */
const levelWords: Record<PhoneRound['scale'], string[]> = {
  progress: [
    'roomPhone.readiness.levels.justBegun',
    'roomPhone.readiness.levels.someProgress',
    'roomPhone.readiness.levels.wellAlong',
    'roomPhone.readiness.levels.fullyAchieved',
  ],
  agreement: [
    'roomPhone.readiness.levels.notYet',
    'roomPhone.readiness.levels.aLittle',
    'roomPhone.readiness.levels.mostly',
    'roomPhone.readiness.levels.fully',
  ],
};
const scaleQuestion: Record<PhoneRound['scale'], string> = {
  progress: 'roomPhone.readiness.progress',
  agreement: 'roomPhone.readiness.agreement',
};

interface Rating {
  level: number | null;
  importance: number | null;
}

function choices(legend: string, name: string, labels: string[], checked: number | null) {
  return el(
    'fieldset',
    { class: 'scale' },
    el('legend', {}, legend),
    ...labels.map((label, index) =>
      el(
        'label',
        { class: 'choice' },
        el('input', {
          type: 'radio',
          name,
          value: String(index + 1),
          ...(checked === index + 1 ? { checked: '' } : {}),
        }),
        label,
      ),
    ),
  );
}

/**
 * A problem told at the field it is about: the note appears beside it, the inputs are marked
 * invalid and described by the note (a screen reader reads it when the focus lands), and the first
 * input takes the focus. The first answer given there clears it. `group` is the fieldset around
 * radios: described too, but not marked invalid, which ARIA leaves to the inputs themselves.
 */
function besideField(id: string, inputs: HTMLElement[], group: HTMLElement | null = null) {
  const note = el('p', { id, class: 'problem', hidden: '' });
  const described = group ? [group, ...inputs] : inputs;
  const clear = () => {
    note.hidden = true;
    for (const field of inputs) field.removeAttribute('aria-invalid');
    for (const field of described) field.removeAttribute('aria-describedby');
  };
  for (const field of inputs) field.addEventListener('change', clear);
  return {
    note,
    show(text: string): string {
      note.textContent = text;
      note.hidden = false;
      for (const field of inputs) field.setAttribute('aria-invalid', 'true');
      for (const field of described) field.setAttribute('aria-describedby', id);
      inputs[0]?.focus();
      return text;
    },
  };
}

const picked = (form: HTMLFormElement, name: string): number | null => {
  const value = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
  return value === undefined ? null : Number(value);
};

/**
 * One rater's sheet: sector and lived experience (never a name), then each item of the round with
 * its level 1..4 and, where the instrument asks, importance 1..5. An item left blank is not rated.
 */
export function readinessFields(round: PhoneRound, earlier: AnswerValue | null) {
  const before = Array.isArray(earlier?.ratings) ? (earlier.ratings as Rating[]) : [];
  const knownBefore = typeof earlier?.sector === 'string' && earlier.sector in sectorWords;
  const sector = el(
    'select',
    { id: 'sector', name: 'sector', 'aria-required': 'true' },
    // The first option only asks: chosen at the start so no sector is guessed for the rater, and
    // disabled so it cannot be chosen back as if it were an answer.
    el('option', { value: '', disabled: '', ...(knownBefore ? {} : { selected: '' }) }, t('roomPhone.sectorChoice.ask')),
    ...Object.entries(sectorWords).map(([value, key]) =>
      el('option', { value, ...(earlier?.sector === value ? { selected: '' } : {}) }, t(key)),
    ),
  );
  // Said beside the field too: on a long sheet the note under Send is far from the sector.
  const sectorProblem = besideField('sector-problem', [sector]);
  const lived = typeof earlier?.livedExperience === 'boolean' ? (earlier.livedExperience ? 1 : 2) : null;
  const livedChoices = choices(
    t('roomPhone.readiness.lived'),
    'lived',
    [t('roomPhone.readiness.yes'), t('roomPhone.readiness.no')],
    lived,
  );
  // The same for lived experience: the radios say they are wrong, and the first one takes the focus.
  const livedProblem = besideField('lived-problem', [...livedChoices.querySelectorAll('input')], livedChoices);
  livedChoices.append(livedProblem.note);
  let section = '';
  const items = round.items.flatMap((item, index) => {
    const heading = item.section !== section && item.section !== '' ? [el('h2', {}, typed(item.section))] : [];
    section = item.section;
    const importance = round.ratesImportance
      ? [
          choices(
            t('roomPhone.readiness.importance'),
            `importance-${index}`,
            ['1', '2', '3', '4', '5'],
            before[index]?.importance ?? null,
          ),
        ]
      : [];
    return [
      ...heading,
      el(
        'fieldset',
        { class: 'item' },
        el('legend', {}, typed(item.text)),
        choices(
          t(scaleQuestion[round.scale]),
          `level-${index}`,
          levelWords[round.scale].map((key, level) => `${level + 1} · ${t(key)}`),
          before[index]?.level ?? null,
        ),
        ...importance,
      ),
    ];
  });
  const fields = el(
    'div',
    { class: 'stack' },
    el('p', { class: 'note' }, t('roomPhone.readiness.intro')),
    el('label', { for: 'sector' }, t('roomPhone.readiness.sector')),
    sector,
    sectorProblem.note,
    livedChoices,
    el('p', { class: 'note' }, t('roomPhone.readiness.skip')),
    ...items,
  );
  return {
    fields,
    read(form: HTMLFormElement): AnswerValue | string {
      if (sector.value === '') return sectorProblem.show(t('roomPhone.readiness.pickSector'));
      const livedChoice = picked(form, 'lived');
      if (livedChoice === null) return livedProblem.show(t('roomPhone.readiness.pickLived'));
      const ratings = round.items.map((_, index) => ({
        level: picked(form, `level-${index}`),
        importance: round.ratesImportance ? picked(form, `importance-${index}`) : null,
      }));
      if (ratings.every((rating) => rating.level === null && rating.importance === null))
        return t('roomPhone.readiness.rateOne');
      return { kind: 'readiness', sector: sector.value, livedExperience: livedChoice === 1, ratings };
    },
  };
}
