import { v7 as uuidv7 } from 'uuid';
import type { Partner, PartnerPatch } from '../contract/models';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { asPartnerKind, text } from './rows';
import type { WritePath } from './write-path';

interface PartnerRow {
  id: string;
  name: string | null;
  kind: string | null;
  sector: string | null;
}

function toPartner(row: PartnerRow): Partner {
  return { id: row.id, name: text(row.name), kind: asPartnerKind(row.kind), sector: text(row.sector) || 'other' };
}

export type NewPartner = Required<PartnerPatch>;

export function createPartnerRepository(db: Db, writePath: WritePath) {
  const selectAll = db.prepare(
    'SELECT id, name, kind, sector FROM partners WHERE tombstone = 0 ORDER BY name COLLATE NOCASE, id',
  );
  const selectOne = db.prepare('SELECT id, name, kind, sector, tombstone FROM partners WHERE id = ?');

  function row(id: string): (PartnerRow & { tombstone: number }) | undefined {
    return selectOne.get(id) as (PartnerRow & { tombstone: number }) | undefined;
  }

  function get(id: string): Partner {
    const found = row(id);
    if (!found || found.tombstone) throw new AppError('not_found', 'No partner with that id in this initiative.');
    return toPartner(found);
  }

  function list(): Partner[] {
    return (selectAll.all() as PartnerRow[]).map(toPartner);
  }

  function create(partner: NewPartner, id: string = uuidv7()): Partner {
    writePath.write([
      {
        table: 'partners',
        row: id,
        values: { name: partner.name, kind: partner.kind, sector: partner.sector, tombstone: 0 },
      },
    ]);
    return get(id);
  }

  function update(id: string, patch: PartnerPatch): Partner {
    get(id);
    const values = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    if (Object.keys(values).length > 0) writePath.write([{ table: 'partners', row: id, values }]);
    return get(id);
  }

  /** Deletes are tombstones, so sync can carry them and undo can bring the partner back. */
  function remove(id: string): void {
    get(id);
    writePath.write([{ table: 'partners', row: id, values: { tombstone: 1 } }]);
  }

  function restore(id: string): Partner {
    if (!row(id)) throw new AppError('not_found', 'No partner with that id in this initiative.');
    writePath.write([{ table: 'partners', row: id, values: { tombstone: 0 } }]);
    return get(id);
  }

  return { list, get, create, update, remove, restore };
}

export type PartnerRepository = ReturnType<typeof createPartnerRepository>;
