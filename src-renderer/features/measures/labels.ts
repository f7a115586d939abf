import type { Indicator, ReportingPeriod } from '../../../src-main/contract/index';

/** Literal keys, so the locale test can see each one used. */
export const kindKey: Record<Indicator['kind'], string> = {
  population: 'measures.kinds.population',
  performance: 'measures.kinds.performance',
};

export const questionKey: Record<NonNullable<Indicator['question']>, string> = {
  how_much: 'measures.questions.how_much',
  how_well: 'measures.questions.how_well',
  better_off: 'measures.questions.better_off',
};

export const polarityKey: Record<Indicator['polarity'], string> = {
  higher_is_better: 'measures.polarities.higher_is_better',
  lower_is_better: 'measures.polarities.lower_is_better',
};

export const periodKey: Record<ReportingPeriod, string> = {
  month: 'measures.periods.month',
  quarter: 'measures.periods.quarter',
  school_year: 'measures.periods.school_year',
  year: 'measures.periods.year',
};

/** How a period of each kind is spelled, shown as a hint beside period fields. */
export const exampleKey: Record<ReportingPeriod, string> = {
  month: 'measures.examples.month',
  quarter: 'measures.examples.quarter',
  school_year: 'measures.examples.school_year',
  year: 'measures.examples.year',
};
