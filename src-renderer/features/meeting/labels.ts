import type { DecisionMethod } from '../../../src-main/contract/index';

/** Literal keys, so the locale test sees each one used. */
export const sessionKindKey = {
  roundtable: 'meeting.kinds.roundtable',
  steering_committee: 'meeting.kinds.steering_committee',
  working_group: 'meeting.kinds.working_group',
  focus_group: 'meeting.kinds.focus_group',
} as const;

export const statusKey = {
  planned: 'meeting.status.planned',
  live: 'meeting.status.live',
  closed: 'meeting.status.closed',
} as const;

export const purposeKey = {
  inform: 'meeting.purpose.inform',
  discuss: 'meeting.purpose.discuss',
  decide: 'meeting.purpose.decide',
} as const;

export const methodKey: Record<DecisionMethod, string> = {
  consensus: 'meeting.method.consensus',
  consent: 'meeting.method.consent',
  fist_to_five: 'meeting.method.fist_to_five',
  majority: 'meeting.method.majority',
};

export const outcomeKey = {
  agreed: 'meeting.outcome.agreed',
  not_agreed: 'meeting.outcome.not_agreed',
  deferred: 'meeting.outcome.deferred',
} as const;

/** Minutes as m:ss, with a minus sign when the timebox is overrun. */
export function clock(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const seconds = Math.floor(Math.abs(ms) / 1000);
  return `${sign}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Today on this computer, as a date field writes it: `2026-11-23`. */
export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** An open action whose due day has passed. */
export function isOverdue(action: { status: string; dueDate: string }, today: string = localToday()): boolean {
  return action.status === 'open' && action.dueDate !== '' && action.dueDate < today;
}
