import { v7 as uuidv7 } from 'uuid';
import { engagementStages, PartnerDraft, type Partner, type PartnerPatch } from '../contract/partners';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { asPartnerKind, oneOf, repeatedCreate, text } from './rows';
import type { WritePath } from './write-path';

interface PartnerRow {
  id: string;
  name: string | null;
  kind: string | null;
  sector: string | null;
  organisation_id: string | null;
  lived_experience: number | null;
  influence: number | null;
  interest: number | null;
  engagement_stage: string | null;
  email: string | null;
  phone: string | null;
  tags: string | null;
  notes: string | null;
  tombstone: number;
}

const columns =
  'id, name, kind, sector, organisation_id, lived_experience, influence, interest, engagement_stage, email, phone, tags, notes, tombstone';

function rating(value: number | null): number | null {
  return Number.isInteger(value) && value !== null && value >= 1 && value <= 5 ? value : null;
}

/** Tags are stored as one JSON array, so a tag list is one last-writer-wins field. */
function parseTags(value: string | null): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}

function toPartner(row: PartnerRow): Partner {
  return {
    id: row.id,
    name: text(row.name),
    kind: asPartnerKind(row.kind),
    sector: text(row.sector) || 'other',
    organisationId: row.organisation_id || null,
    livedExperience: row.lived_experience === 1,
    influence: rating(row.influence),
    interest: rating(row.interest),
    stage: oneOf(engagementStages, row.engagement_stage, 'identified'),
    email: text(row.email),
    phone: text(row.phone),
    tags: parseTags(row.tags),
    notes: text(row.notes),
  };
}

const columnOf: Record<keyof PartnerPatch, string> = {
  name: 'name',
  kind: 'kind',
  sector: 'sector',
  organisationId: 'organisation_id',
  livedExperience: 'lived_experience',
  influence: 'influence',
  interest: 'interest',
  stage: 'engagement_stage',
  email: 'email',
  phone: 'phone',
  tags: 'tags',
  notes: 'notes',
};

/** A patch in the model's terms as column values for the write path. */
export function partnerValues(patch: PartnerPatch): Record<string, string | number | null> {
  const values: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(patch) as [keyof PartnerPatch, unknown][]) {
    if (value === undefined) continue;
    if (key === 'livedExperience') values[columnOf[key]] = value ? 1 : 0;
    else if (key === 'tags') values[columnOf[key]] = JSON.stringify([...new Set(value as string[])]);
    else values[columnOf[key]] = value as string | number | null;
  }
  return values;
}

export function createPartnerRepository(db: Db, writePath: WritePath) {
  const selectAll = db.prepare(`SELECT ${columns} FROM partners WHERE tombstone = 0 ORDER BY name COLLATE NOCASE, id`);
  const selectOne = db.prepare(`SELECT ${columns} FROM partners WHERE id = ?`);

  function row(id: string): PartnerRow | undefined {
    return selectOne.get(id) as PartnerRow | undefined;
  }

  function get(id: string): Partner {
    const found = row(id);
    if (!found || found.tombstone) throw new AppError('not_found', 'No partner with that id in this initiative.');
    return toPartner(found);
  }

  function list(): Partner[] {
    return (selectAll.all() as PartnerRow[]).map(toPartner);
  }

  /** A person may belong to an organisation: it must be a live organisation other than itself. */
  function checkOrganisation(id: string, organisationId: string | null | undefined): void {
    if (!organisationId) return;
    const organisation = row(organisationId);
    if (
      !organisation ||
      organisation.tombstone ||
      organisationId === id ||
      asPartnerKind(organisation.kind) !== 'organisation'
    ) {
      throw new AppError(
        'not_found',
        'The organisation chosen for this person is not an organisation in this initiative.',
      );
    }
  }

  /** Fields left out of the draft take the contract's defaults, whoever calls. */
  function create(draft: PartnerDraft, id: string = uuidv7()): Partner {
    const repeated = repeatedCreate(row(id), () => get(id), 'partner');
    if (repeated) return repeated;
    const partner = PartnerDraft.parse(draft);
    checkOrganisation(id, partner.organisationId);
    writePath.write([{ table: 'partners', row: id, values: { ...partnerValues(partner), tombstone: 0 } }]);
    return get(id);
  }

  function update(id: string, patch: PartnerPatch): Partner {
    get(id);
    checkOrganisation(id, patch.organisationId);
    const values = partnerValues(patch);
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
