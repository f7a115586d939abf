import type { ConsentLevel, NoteKind } from '../../../src-main/contract/index';

/** Literal keys, so the locale test sees each one used. */
export const noteKindKey: Record<NoteKind, string> = {
  quote: 'voice.kinds.quote',
  observation: 'voice.kinds.observation',
  concern: 'voice.kinds.concern',
  idea: 'voice.kinds.idea',
};

export const consentKey: Record<ConsentLevel, string> = {
  named: 'voice.consent.named',
  anonymous: 'voice.consent.anonymous',
  internal: 'voice.consent.internal',
};

export const consentHintKey: Record<ConsentLevel, string> = {
  named: 'voice.consentHint.named',
  anonymous: 'voice.consentHint.anonymous',
  internal: 'voice.consentHint.internal',
};
