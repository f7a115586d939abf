import type { EvidenceChoice } from '../contract/readiness';
import type { Db } from './connection';
import type { InitiativeRepository } from './initiatives';
import { createInstrumentRepository, type InstrumentRepository } from './readiness-instruments';
import { createPhaseRepository, type PhaseRepository } from './readiness-phases';
import { createReviewRepository, type ReviewRepository } from './readiness-reviews';
import { createRoundRepository, type RoundRepository } from './readiness-rounds';
import { createStoryRepository, type StoryRepository } from './readiness-stories';
import { createTablesRepository, type TablesRepository } from './readiness-tables';
import { text } from './rows';
import type { WritePath } from './write-path';

export interface ReadinessStore {
  instruments: InstrumentRepository;
  rounds: RoundRepository;
  phases: PhaseRepository;
  reviews: ReviewRepository;
  tables: TablesRepository;
  stories: StoryRepository;
  /** Records a met benchmark can name as its evidence, newest first within each kind. */
  evidenceChoices(): EvidenceChoice[];
}

export function createReadinessStore(db: Db, writePath: WritePath, initiative: InitiativeRepository): ReadinessStore {
  const instruments = createInstrumentRepository(db, writePath);
  const rounds = createRoundRepository(db, writePath, instruments);
  const phases = createPhaseRepository(db, writePath, () => initiative.get());
  const decisions = db.prepare(
    "SELECT id, text AS label FROM decisions WHERE tombstone = 0 AND coalesce(text, '') <> '' ORDER BY id DESC LIMIT 200",
  );
  const sessions = db.prepare(
    "SELECT id, title AS label FROM sessions WHERE tombstone = 0 AND coalesce(title, '') <> '' ORDER BY starts_at DESC, id DESC LIMIT 200",
  );
  const indicators = db.prepare(
    "SELECT id, name AS label FROM indicators WHERE tombstone = 0 AND coalesce(name, '') <> '' ORDER BY name COLLATE NOCASE LIMIT 200",
  );

  function evidenceChoices(): EvidenceChoice[] {
    const rows = (statement: typeof decisions, kind: EvidenceChoice['kind']) =>
      (statement.all() as { id: string; label: string | null }[]).map((row) => ({
        kind,
        id: row.id,
        label: text(row.label).slice(0, 200),
      }));
    return [...rows(decisions, 'decision'), ...rows(sessions, 'session'), ...rows(indicators, 'indicator')];
  }

  return {
    instruments,
    rounds,
    phases,
    reviews: createReviewRepository(db, writePath),
    tables: createTablesRepository(db, writePath),
    stories: createStoryRepository(db, writePath),
    evidenceChoices,
  };
}
