import type { OpenOptions } from './connection';
import { openDatabase, type Db } from './connection';
import { createInitiativeRepository, type InitiativeRepository } from './initiatives';
import { createPartnerRepository, type PartnerRepository } from './partners';
import { WritePath, type WritePathOptions } from './write-path';

/** One initiative's open database with its write path and repositories. */
export class InitiativeStore {
  readonly writePath: WritePath;
  readonly initiative: InitiativeRepository;
  readonly partners: PartnerRepository;

  private constructor(
    readonly id: string,
    readonly db: Db,
    node: string,
    options: WritePathOptions,
  ) {
    this.writePath = new WritePath(db, node, options);
    this.initiative = createInitiativeRepository(db, this.writePath, id);
    this.partners = createPartnerRepository(db, this.writePath);
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
