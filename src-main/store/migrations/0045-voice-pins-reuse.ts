import type { Migration } from './index';

/**
 * A carried voice note can be pinned to the agenda item it speaks to (null: the session as a
 * whole), and a session remembers whose agenda it reused, so its meeting shows the open action
 * items promised at that earlier session.
 *
 * Numbered 45, between two tens, because it was written beside other work that takes 50.
 */
export const voicePinsReuse: Migration = {
  version: 45,
  name: 'voice-pins-reuse',
  sql: `
    ALTER TABLE carried_notes ADD COLUMN agenda_item_id TEXT;
    ALTER TABLE sessions ADD COLUMN reused_from_id TEXT;
  `,
};
