import { WalFlusher } from './wal-flusher';
import { BackgroundCheckpoints } from './background-checkpoints';
import type { OpenOptions } from './connection';
import { openDatabase, type Db } from './connection';
import { createInitiativeRepository, type InitiativeRepository } from './initiatives';
import { createGroupRepository, type GroupRepository } from './groups';
import { createMapLayoutRepository, type MapLayoutRepository } from './map-layout';
import { createPartnerRepository, type PartnerRepository } from './partners';
import { createRelationshipRepository, type RelationshipRepository } from './relationships';
import { createParticipantRepository, type ParticipantRepository } from './participants';
import { createSessionRepository, type SessionRepository } from './sessions';
import { createThemeRepository, type ThemeRepository } from './themes';
import { createVoiceNoteRepository, type VoiceNoteRepository } from './voice-notes';
import { createVoiceSearch, type VoiceSearch } from './voice-search';
import { createActionItemRepository, type ActionItemRepository } from './action-items';
import { createAgendaRepository, type AgendaRepository } from './agenda';
import { createAttendanceRepository, type AttendanceRepository } from './attendance';
import { createDecisionRepository, type DecisionRepository } from './decisions';
import { createLiveSessionRepository, type LiveSessionRepository } from './live-sessions';
import { createMeasuresStore, type MeasuresStore } from './measures';
import { WritePath, type WritePathOptions } from './write-path';
import { createDataItemRepository, type DataItemRepository } from './data-items';
import { createReadinessStore, type ReadinessStore } from './readiness';

type StoreOptions = OpenOptions &
  WritePathOptions & {
    /** How long after a commit the -wal file is folded in on the checkpoint thread (1 s). */
    checkpointAfterMs?: number;
  };

/** One initiative's open database with its write path and repositories. */
export class InitiativeStore {
  readonly writePath: WritePath;
  readonly initiative: InitiativeRepository;
  readonly partners: PartnerRepository;
  readonly groups: GroupRepository;
  readonly relationships: RelationshipRepository;
  readonly mapLayout: MapLayoutRepository;
  readonly sessions: SessionRepository;
  readonly participants: ParticipantRepository;
  readonly notes: VoiceNoteRepository;
  readonly themes: ThemeRepository;
  readonly voiceSearch: VoiceSearch;
  readonly agenda: AgendaRepository;
  readonly attendance: AttendanceRepository;
  readonly decisions: DecisionRepository;
  readonly actionItems: ActionItemRepository;
  readonly live: LiveSessionRepository;
  readonly measures: MeasuresStore;
  readonly dataItems: DataItemRepository;
  readonly readiness: ReadinessStore;
  private readonly flusher: WalFlusher | null;
  /** Folds the -wal file into the database off this thread (null in memory: there is no -wal file). */
  readonly checkpoints: BackgroundCheckpoints | null;
  private flushing: Promise<void> | undefined;

  private constructor(
    readonly id: string,
    readonly db: Db,
    node: string,
    options: StoreOptions,
  ) {
    // A file database flushes its -wal to the disk after each commit; an in-memory one has none.
    this.flusher = db.memory ? null : new WalFlusher(`${db.name}-wal`);
    this.checkpoints = db.memory
      ? null
      : new BackgroundCheckpoints(db, { nativeBinding: options.nativeBinding, afterMs: options.checkpointAfterMs });
    this.writePath = new WritePath(db, node, {
      ...options,
      onCommit: (committed) => {
        this.flushing = this.flusher?.flush().catch((error: unknown) => {
          console.error('[common-ground] could not flush saved changes to the disk:', error);
        });
        this.checkpoints?.committed();
        options.onCommit?.(committed);
      },
    });
    this.initiative = createInitiativeRepository(db, this.writePath, id);
    this.partners = createPartnerRepository(db, this.writePath);
    this.groups = createGroupRepository(db, this.writePath);
    this.relationships = createRelationshipRepository(db, this.writePath);
    this.mapLayout = createMapLayoutRepository(db, this.writePath);
    this.sessions = createSessionRepository(db, this.writePath);
    this.participants = createParticipantRepository(db, this.writePath);
    this.notes = createVoiceNoteRepository(db, this.writePath);
    this.themes = createThemeRepository(db, this.writePath);
    this.voiceSearch = createVoiceSearch(db, this.notes);
    this.agenda = createAgendaRepository(db, this.writePath);
    this.attendance = createAttendanceRepository(db, this.writePath, this.partners);
    this.decisions = createDecisionRepository(db, this.writePath);
    this.actionItems = createActionItemRepository(db, this.writePath);
    this.live = createLiveSessionRepository(db, this.writePath, options.now);
    this.measures = createMeasuresStore(db, this.writePath);
    this.dataItems = createDataItemRepository(db, this.writePath);
    this.readiness = createReadinessStore(db, this.writePath, this.initiative);
  }

  static open(
    id: string,
    path: string,
    node: string,
    options: StoreOptions & { create?: boolean } = {},
  ): InitiativeStore {
    return new InitiativeStore(id, openDatabase(path, options), node, options);
  }

  /** Resolves once every change committed so far is on the disk, not only in the operating system's hands. */
  async durable(): Promise<void> {
    await this.flushing;
    await this.flusher?.settled();
  }

  /** After this returns no connection of ours is open on the file: it may be renamed, replaced or deleted. */
  close(): void {
    this.checkpoints?.close();
    if (this.db.open) this.db.close();
  }
}
