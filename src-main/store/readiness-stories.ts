import { v7 as uuidv7 } from 'uuid';
import { ChoiceDraft, StoryDraft, storyConsents, type ChangeStory } from '../contract/readiness';
import { StoryPatch } from '../contract/readiness-edits';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { oneOf, repeatedCreate, text } from './rows';
import type { WritePath } from './write-path';

interface StoryRow {
  id: string;
  title: string | null;
  story: string | null;
  consent: string | null;
  collected_on: string | null;
}
interface ChoiceRow {
  id: string;
  story_id: string | null;
  round_title: string | null;
  reason: string | null;
  chosen_on: string | null;
}

/** Stories of most significant change, with consent, and the rounds that chose them with their reasons. */
export function createStoryRepository(db: Db, writePath: WritePath) {
  const selectStories = db.prepare(
    'SELECT id, title, story, consent, collected_on FROM change_stories WHERE tombstone = 0 ORDER BY collected_on, id',
  );
  const selectChoices = db.prepare(
    'SELECT id, story_id, round_title, reason, chosen_on FROM story_choices WHERE tombstone = 0 ORDER BY chosen_on, id',
  );
  const oneStory = db.prepare('SELECT id, tombstone FROM change_stories WHERE id = ?');

  function list(): ChangeStory[] {
    const choices = selectChoices.all() as ChoiceRow[];
    return (selectStories.all() as StoryRow[]).map((row) => ({
      id: row.id,
      title: text(row.title),
      story: text(row.story),
      // A story whose consent has not arrived yet is treated as internal only, the safest reading.
      consent: oneOf(storyConsents, row.consent, 'internal'),
      collectedOn: text(row.collected_on),
      choices: choices
        .filter((choice) => choice.story_id === row.id)
        .map((choice) => ({
          id: choice.id,
          roundTitle: text(choice.round_title),
          reason: text(choice.reason),
          chosenOn: text(choice.chosen_on),
        })),
    }));
  }

  function get(id: string): ChangeStory {
    const found = list().find((story) => story.id === id);
    if (!found) throw new AppError('not_found', 'No story with that id in this initiative.');
    return found;
  }

  function add(draft: StoryDraft, id: string = uuidv7()): ChangeStory {
    const repeated = repeatedCreate(oneStory.get(id), () => get(id), 'story');
    if (repeated) return repeated;
    const { title, story, consent, collectedOn } = StoryDraft.parse(draft);
    writePath.write([
      { table: 'change_stories', row: id, values: { title, story, consent, collected_on: collectedOn, tombstone: 0 } },
    ]);
    return get(id);
  }

  function choose(draft: ChoiceDraft): ChangeStory {
    const { storyId, roundTitle, reason, chosenOn } = ChoiceDraft.parse(draft);
    get(storyId);
    writePath.write([
      {
        table: 'story_choices',
        row: uuidv7(),
        values: { story_id: storyId, round_title: roundTitle, reason, chosen_on: chosenOn, tombstone: 0 },
      },
    ]);
    return get(storyId);
  }

  /** A story's words, title, date or consent changed: a teller may take back a sharing consent. */
  function update(id: string, patch: StoryPatch): ChangeStory {
    get(id);
    const { title, story, consent, collectedOn } = StoryPatch.parse(patch);
    const values: Record<string, string> = {};
    if (title !== undefined) values.title = title;
    if (story !== undefined) values.story = story;
    if (consent !== undefined) values.consent = consent;
    if (collectedOn !== undefined) values.collected_on = collectedOn;
    writePath.write([{ table: 'change_stories', row: id, values }]);
    return get(id);
  }

  function remove(id: string): void {
    get(id);
    writePath.write([{ table: 'change_stories', row: id, values: { tombstone: 1 } }]);
  }

  /** Undo of a removal; a story still on the list is returned as it is. */
  function restore(id: string): ChangeStory {
    const stored = oneStory.get(id) as { tombstone: number } | undefined;
    if (!stored) throw new AppError('not_found', 'No story with that id in this initiative.');
    if (stored.tombstone === 1) writePath.write([{ table: 'change_stories', row: id, values: { tombstone: 0 } }]);
    return get(id);
  }

  return { list, get, add, choose, update, remove, restore };
}

export type StoryRepository = ReturnType<typeof createStoryRepository>;
