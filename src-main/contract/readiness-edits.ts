import { z } from 'zod';
import { entityId, newRecordId, Phase } from './models';
import { ChangeStory, Collaboration, CollaborationDraft, PhaseTracker, Round, Sheet, StoryDraft } from './readiness';

const inInitiative = { initiativeId: entityId };
const oneRound = z.object({ ...inInitiative, roundId: entityId }).strict();
const oneSheet = z.object({ ...inInitiative, sheetId: entityId }).strict();
const oneStory = z.object({ ...inInitiative, storyId: entityId }).strict();

/** Any of a story's fields; its consent may change either way (a teller may take a consent back). */
export const StoryPatch = StoryDraft.partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to save');
export type StoryPatch = z.input<typeof StoryPatch>;

/**
 * Changing and removing what the Readiness section holds, from the screen. A removal writes a
 * tombstone and the restore channels lift it (Undo); a record that is still there is returned as it is.
 */
export const readinessEditChannels = {
  'readiness.rounds.delete': { input: oneRound, output: z.object({ roundId: entityId }), write: true },
  'readiness.rounds.restore': { input: oneRound, output: Round, write: true },
  'readiness.sheets.restore': { input: oneSheet, output: Sheet, write: true },
  'readiness.stories.update': {
    input: z.object({ ...inInitiative, storyId: entityId, patch: StoryPatch }).strict(),
    output: ChangeStory,
    write: true,
  },
  'readiness.stories.delete': { input: oneStory, output: z.object({ storyId: entityId }), write: true },
  'readiness.stories.restore': { input: oneStory, output: ChangeStory, write: true },
  /** A benchmark the facilitator adds to a phase, in the words typed; synced like every other. */
  'readiness.benchmarks.add': {
    input: z
      .object({
        ...inInitiative,
        phase: Phase,
        text: z.string().trim().min(1, 'must not be empty').max(500),
        id: newRecordId,
      })
      .strict(),
    output: PhaseTracker,
    write: true,
  },
  'readiness.tables.update': {
    input: z
      .object({
        ...inInitiative,
        collaborationId: entityId,
        patch: CollaborationDraft.partial()
          .strict()
          .refine((patch) => Object.keys(patch).length > 0, 'nothing to save'),
      })
      .strict(),
    output: Collaboration,
    write: true,
  },
  'readiness.tables.restore': {
    input: z.object({ ...inInitiative, collaborationId: entityId }).strict(),
    output: Collaboration,
    write: true,
  },
} as const;
