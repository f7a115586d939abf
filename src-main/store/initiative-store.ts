import type { OpenOptions } from './connection';
import { openDatabase, type Db } from './connection';
import { createInitiativeRepository, type InitiativeRepository } from './initiatives';
import { createGroupRepository, type GroupRepository } from './groups';
import { createMapLayoutRepository, type MapLayoutRepository } from './map-layout';
import { createPartnerRepository, type PartnerRepository } from './partners';
import { createRelationshipRepository, type RelationshipRepository } from './relationships';
import { WritePath, type WritePathOptions } from './write-path';

/** One initiative's open database with its write path and repositories. */
export class InitiativeStore {
  readonly writePath: WritePath;
  readonly initiative: InitiativeRepository;
  readonly partners: PartnerRepository;
  readonly groups: GroupRepository;
  readonly relationships: RelationshipRepository;
  readonly mapLayout: MapLayoutRepository;

  private constructor(
    readonly id: string,
    readonly db: Db,
    node: string,
    options: WritePathOptions,
  ) {
    this.writePath = new WritePath(db, node, options);
    this.initiative = createInitiativeRepository(db, this.writePath, id);
    this.partners = createPartnerRepository(db, this.writePath);
    this.groups = createGroupRepository(db, this.writePath);
    this.relationships = createRelationshipRepository(db, this.writePath);
    this.mapLayout = createMapLayoutRepository(db, this.writePath);
  }

  static open(
    id: string,
    path: string,
    node: string,
    options: OpenOptions & WritePathOptions & { create?: boolean } = {},
  ): InitiativeStore {
    return new InitiativeStore(id, openDatabase(path, options), node, options);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
