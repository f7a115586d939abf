import { z } from 'zod';
import { entityId } from './models';
import { RoomStatus } from './room';

/**
 * A readiness round rated on the phones through room mode: each phone is one rater (sector and
 * lived experience, never a name). Recording writes one sheet per phone into the round; the
 * round's results stay in the Readiness section. Spread at the end of the channel map.
 */
export const roomReadinessChannels = {
  /** Puts a round's items on every phone (the question before closes). */
  'room.readiness.open': {
    input: z.object({ initiativeId: entityId, sessionId: entityId, roundId: entityId }).strict(),
    output: RoomStatus,
  },
  /**
   * Saves each phone's answer as a sheet of the round, under an id made from the round and the
   * phone: recording again writes the same sheets, and a phone's new answer replaces its sheet.
   */
  'room.readiness.record': {
    input: z.object({ initiativeId: entityId, sessionId: entityId }).strict(),
    output: RoomStatus,
    write: true,
  },
} as const;
