import type { Initiative, InitiativePatch } from '../contract/models';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { v7 as uuidv7 } from 'uuid';
import { asLocale, asPhase, localTimestamp, text } from './rows';
import type { RowChange, WritePath } from './write-path';

interface InitiativeRow {
  id: string;
  name: string | null;
  problem_statement: string | null;
  vision: string | null;
  population_goal: string | null;
  phase: string | null;
  default_locale: string | null;
  share_real_names: number | null;
}

function toInitiative(row: InitiativeRow): Initiative {
  return {
    id: row.id,
    name: text(row.name),
    problemStatement: text(row.problem_statement),
    vision: text(row.vision),
    populationGoal: text(row.population_goal),
    phase: asPhase(row.phase),
    defaultLocale: asLocale(row.default_locale),
    shareRealNames: row.share_real_names === 1,
  };
}

const columnOf: Record<keyof InitiativePatch, string> = {
  name: 'name',
  problemStatement: 'problem_statement',
  vision: 'vision',
  populationGoal: 'population_goal',
  phase: 'phase',
  defaultLocale: 'default_locale',
  shareRealNames: 'share_real_names',
};

export function toInitiativeValues(patch: InitiativePatch): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(patch) as [keyof InitiativePatch, string | boolean | undefined][]) {
    if (value !== undefined) values[columnOf[key]] = typeof value === 'boolean' ? Number(value) : value;
  }
  return values;
}

export function createInitiativeRepository(db: Db, writePath: WritePath, initiativeId: string) {
  const select = db.prepare('SELECT * FROM initiative WHERE id = ? AND tombstone = 0');

  function find(): Initiative | undefined {
    const row = select.get(initiativeId) as InitiativeRow | undefined;
    return row ? toInitiative(row) : undefined;
  }

  function get(): Initiative {
    const found = find();
    if (!found) throw new AppError('not_found', 'This initiative has no record in its file.');
    return found;
  }

  function save(patch: InitiativePatch): Initiative {
    const values = toInitiativeValues(patch);
    const changes: RowChange[] = [{ table: 'initiative', row: initiativeId, values }];
    // The phase history keeps in step with the phase, whichever screen changed it.
    if (patch.phase !== undefined && patch.phase !== find()?.phase)
      changes.push({
        table: 'phase_history',
        row: uuidv7(),
        values: { phase: patch.phase, entered_on: localTimestamp().slice(0, 10), note: '', tombstone: 0 },
      });
    if (Object.keys(values).length > 0) writePath.write(changes);
    return get();
  }

  return { find, get, save };
}

export type InitiativeRepository = ReturnType<typeof createInitiativeRepository>;
