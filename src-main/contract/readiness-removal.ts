import { z } from 'zod';
import { entityId } from './models';
import { Round, Sheet } from './readiness';

const oneRound = z.object({ initiativeId: entityId, roundId: entityId }).strict();
const oneSheet = z.object({ initiativeId: entityId, sheetId: entityId }).strict();

/**
 * Removing a round or a sheet from the screen, with Undo: a removal writes a tombstone, and the
 * restore channels lift it (a record that is still there is returned as it is).
 */
export const readinessRemovalChannels = {
  'readiness.rounds.delete': { input: oneRound, output: z.object({ roundId: entityId }), write: true },
  'readiness.rounds.restore': { input: oneRound, output: Round, write: true },
  'readiness.sheets.restore': { input: oneSheet, output: Sheet, write: true },
} as const;
