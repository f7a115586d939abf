import { v7 as uuidv7 } from 'uuid';
import type { ImportNotice, ImportPreview } from '../../contract/exchange';
import { knownSectors, limits } from '../../contract/models';
import type { Partner, PartnerPatch, Relationship, RelationshipDirection } from '../../contract/partners';
import type { ImportField } from './mapping';
import {
  readPartner,
  relationshipDirectionOf,
  relationshipKindOf,
  strengthOf,
  type PartnerFields,
  type RowError,
  type SourceConnection,
  type SourcePartner,
} from './values';

/** What a parser hands over: rows in partner terms, connections by the file's own references. */
export interface SourceFile {
  columns: { header: string; field: ImportField }[];
  partners: SourcePartner[];
  connections: SourceConnection[];
  errors: RowError[];
  warnings: string[];
  notices?: ImportNotice[];
  /** Kumu: odd cells go to the notes, and a connection to a missing element creates it. */
  kumu?: boolean;
}

export interface PlannedPartner {
  id: string;
  where: string;
  existing: Partner | null;
  fields: PartnerFields;
  organisationId?: string | null;
}

export interface PlannedRelationship {
  id: string;
  existing: Relationship | null;
  fromId: string;
  toId: string;
  kind: string;
  strength: number;
  note: string;
  direction: RelationshipDirection;
}

export interface ImportPlan {
  partners: PlannedPartner[];
  relationships: PlannedRelationship[];
  preview: ImportPreview;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxReportedErrors = 200;
const sampleSize = 20;

/** The partners and relationships already in the initiative, as the import matches against them. */
export interface ExistingData {
  partners: Partner[];
  relationships: Relationship[];
}

const nameKey = (name: string, kind: string) => `${kind}\u0000${name}`;

/**
 * Turns parsed rows into what the commit will write. A row matches an existing partner by id when
 * the file carries ours, else by exact name and kind; connections resolve From/To through the
 * file's ids first, then its names, then ids already in the initiative.
 */
export function planImport(source: SourceFile, existing: ExistingData): ImportPlan {
  const errors = [...source.errors];
  const warnings = [...source.warnings];
  const notices = [...(source.notices ?? [])];
  const existingById = new Map(existing.partners.map((partner) => [partner.id, partner]));
  // Partners of the same name and kind, oldest first (ids are UUIDv7): rows of one name match them
  // in order, so a file with two "Youth Council" rows re-imports onto the same two partners.
  const existingByName = new Map<string, Partner[]>();
  for (const partner of [...existing.partners].sort((a, b) => a.id.localeCompare(b.id))) {
    const key = nameKey(partner.name, partner.kind);
    existingByName.set(key, [...(existingByName.get(key) ?? []), partner]);
  }
  const usedSectors = new Set<string>([...knownSectors, ...existing.partners.map((partner) => partner.sector)]);

  const rows = source.partners.map((row) => ({
    row,
    fields: readPartner(row, errors, notices, { keepOddCellsInNotes: source.kumu }),
    fileId: (row.values.id ?? '').trim(),
  }));
  // Matches by our id first, so a row matched by name cannot take a partner another row names by id.
  const claimed = new Set<string>();
  for (const { fileId } of rows)
    if (uuidPattern.test(fileId) && existingById.has(fileId.toLowerCase())) claimed.add(fileId.toLowerCase());

  const partners: PlannedPartner[] = [];
  const byFileId = new Map<string, PlannedPartner>();
  const byFileName = new Map<string, PlannedPartner | 'ambiguous'>();
  const firstWithName = new Map<string, string>();
  for (const { row, fields, fileId } of rows) {
    if (fileId && byFileId.has(fileId.toLowerCase())) {
      errors.push({
        where: row.where,
        message: `The ID "${fileId}" is used by an earlier row too; IDs must be unique.`,
      });
      continue;
    }
    const kind = fields.kind ?? 'organisation';
    let match: Partner | null = null;
    if (uuidPattern.test(fileId)) match = existingById.get(fileId.toLowerCase()) ?? null;
    if (!match && fields.name) {
      match = existingByName.get(nameKey(fields.name, kind))?.find((partner) => !claimed.has(partner.id)) ?? null;
      if (match) claimed.add(match.id);
    }
    const id = match?.id ?? (uuidPattern.test(fileId) ? fileId.toLowerCase() : uuidv7());
    const planned: PlannedPartner = {
      id,
      where: row.where,
      existing: match,
      fields: { ...fields, kind: fields.kind ?? match?.kind ?? kind },
    };
    partners.push(planned);
    if (fileId) byFileId.set(fileId.toLowerCase(), planned);
    if (fields.name) {
      byFileName.set(fields.name, byFileName.has(fields.name) ? 'ambiguous' : planned);
      const first = firstWithName.get(nameKey(fields.name, planned.fields.kind ?? kind));
      if (first) notices.push({ where: row.where, code: 'duplicate_name', params: { name: fields.name, first } });
      else firstWithName.set(nameKey(fields.name, planned.fields.kind ?? kind), row.where);
    }
    if (fields.sector && !usedSectors.has(fields.sector))
      notices.push({ where: row.where, code: 'unknown_sector', params: { sector: fields.sector } });
  }
  const matchedTwice = findMatchedTwice(partners);
  for (const id of matchedTwice)
    errors.push({
      where: 'file',
      message: `Two rows would update the same partner (${existingById.get(id)?.name ?? id}).`,
    });

  const lookup = (reference: string): PlannedPartner | Partner | 'ambiguous' | null => {
    const key = reference.trim();
    if (!key) return null;
    return byFileId.get(key.toLowerCase()) ?? byFileName.get(key) ?? existingById.get(key.toLowerCase()) ?? null;
  };
  // Kumu creates the element a connection names when the file lacks it; so does a Kumu import here
  // (an organisation by that name, or the initiative's partner of that name when there is one).
  const lookupOrCreate = (reference: string, where: string): PlannedPartner | Partner | 'ambiguous' | null => {
    const found = lookup(reference);
    const name = reference.trim();
    if (found || !source.kumu || !name || name.length > limits.name) return found;
    const known = existingByName.get(nameKey(name, 'organisation')) ?? existingByName.get(nameKey(name, 'person'));
    if (known?.length === 1) return known[0];
    const created: PlannedPartner = { id: uuidv7(), where, existing: null, fields: { name, kind: 'organisation' } };
    partners.push(created);
    byFileName.set(name, created);
    notices.push({ where, code: 'element_created', params: { name } });
    return created;
  };
  const kindOfPartner = (found: PlannedPartner | Partner) => ('fields' in found ? found.fields.kind : found.kind);

  for (const planned of partners) {
    const reference = planned.fields.organisation;
    if (reference === undefined) continue;
    if (reference === '') {
      planned.organisationId = null;
      continue;
    }
    const found = lookup(reference);
    const { where } = planned;
    if (
      found &&
      found !== 'ambiguous' &&
      found.id !== planned.id &&
      kindOfPartner(found) === 'organisation' &&
      planned.fields.kind === 'person'
    ) {
      planned.organisationId = found.id;
    } else {
      warnings.push(
        `${where}: the organisation "${reference}" was not found as an organisation in the file or the initiative, so it is left empty.`,
      );
    }
  }

  const firstNamed = (name: string) => partners.find((planned) => planned.fields.name === name);
  const relationships = planRelationships(
    source.connections,
    existing.relationships,
    lookupOrCreate,
    errors,
    notices,
    source.kumu ? { firstNamed } : null,
  );
  return {
    partners,
    relationships,
    preview: {
      columns: source.columns,
      partners: partners.length,
      relationships: relationships.length,
      sample: partners.slice(0, sampleSize).map(({ fields, existing: match }) => ({
        name: fields.name ?? '',
        kind: fields.kind ?? match?.kind ?? 'organisation',
        sector: fields.sector ?? match?.sector ?? 'other',
        tags: fields.tags ?? match?.tags ?? [],
      })),
      errors: capErrors(errors),
      warnings: warnings.slice(0, maxReportedErrors),
      notices: notices.slice(0, maxReportedErrors),
    },
  };
}

function findMatchedTwice(partners: PlannedPartner[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const planned of partners) {
    if (seen.has(planned.id)) twice.add(planned.id);
    seen.add(planned.id);
  }
  return [...twice];
}

function capErrors(errors: RowError[]): RowError[] {
  if (errors.length <= maxReportedErrors) return errors;
  return [
    ...errors.slice(0, maxReportedErrors),
    { where: 'file', message: `…and ${errors.length - maxReportedErrors} more problems.` },
  ];
}

function planRelationships(
  connections: SourceConnection[],
  existing: Relationship[],
  lookup: (reference: string, where: string) => PlannedPartner | Partner | 'ambiguous' | null,
  errors: RowError[],
  notices: ImportNotice[],
  kumu: { firstNamed: (name: string) => PlannedPartner | undefined } | null,
): PlannedRelationship[] {
  const existingById = new Map(existing.map((relationship) => [relationship.id, relationship]));
  const existingByEnds = new Map(
    existing.map((relationship) => [`${relationship.fromId} ${relationship.toId} ${relationship.kind}`, relationship]),
  );
  const seenIds = new Set<string>();
  const planned: PlannedRelationship[] = [];
  for (const connection of connections) {
    const { where } = connection;
    const problem = (message: string) => errors.push({ where, message });
    const ends = [connection.from, connection.to].map((reference) => {
      let found = lookup(reference, where);
      // Kumu joins a label several elements share to one of them; so does a Kumu import, saying so.
      const first = found === 'ambiguous' && kumu ? kumu.firstNamed(reference.trim()) : undefined;
      if (first) {
        found = first;
        notices.push({ where, code: 'ambiguous_end', params: { name: reference.trim(), first: first.where } });
      }
      if (!reference.trim()) problem('From or To is empty.');
      else if (found === 'ambiguous') problem(`"${reference}" names more than one element; give the elements IDs.`);
      else if (!found) problem(`"${reference}" is not an element in the file.`);
      return found && found !== 'ambiguous' ? found.id : null;
    });
    let strength = strengthOf(connection.strength);
    let note = connection.note;
    if (strength === null && kumu) {
      // Kumu takes a word in Strength ("strong"); the word is kept in the note, strength stays 2.
      strength = 2;
      note = [note, `Strength: ${connection.strength.trim()}`].filter(Boolean).join('\n');
      notices.push({ where, code: 'kept_in_notes', params: { field: 'strength', value: connection.strength.trim() } });
    }
    if (strength === null) problem(`Strength "${connection.strength}" is not a number.`);
    const kind = relationshipKindOf(connection.kind);
    if (kind.length > limits.sector) problem(`The connection type is longer than ${limits.sector} characters.`);
    if (note.length > limits.longText) problem(`The connection's note is longer than ${limits.longText} characters.`);
    const fileId = connection.id.trim().toLowerCase();
    if (fileId && seenIds.has(fileId))
      problem(`The ID "${connection.id}" is used by an earlier connection too; IDs must be unique.`);
    if (fileId) seenIds.add(fileId);
    const [fromId, toId] = ends;
    if (!fromId || !toId || strength === null) continue;
    if (fromId === toId) {
      problem('A connection needs two different elements.');
      continue;
    }
    const match =
      (uuidPattern.test(fileId) ? existingById.get(fileId) : undefined) ??
      existingByEnds.get(`${fromId} ${toId} ${kind}`) ??
      null;
    const id = match?.id ?? (uuidPattern.test(fileId) && !existingById.has(fileId) ? fileId : uuidv7());
    let direction = relationshipDirectionOf(connection.direction ?? '');
    if (direction === null) {
      notices.push({ where, code: 'unknown_direction', params: { value: (connection.direction ?? '').trim() } });
      direction = 'directed';
    }
    planned.push({ id, existing: match, fromId, toId, kind, strength, note, direction });
  }
  return planned;
}

/** Only the fields that differ, so importing the same file twice writes nothing the second time. */
export function changedFields(planned: PlannedPartner): PartnerPatch {
  const { organisation: _organisation, ...fields } = planned.fields;
  const patch: PartnerPatch = { ...fields };
  if (planned.organisationId !== undefined) patch.organisationId = planned.organisationId;
  const current = planned.existing;
  if (!current) return patch;
  for (const key of Object.keys(patch) as (keyof PartnerPatch)[]) {
    if (JSON.stringify(patch[key]) === JSON.stringify(current[key])) delete patch[key];
  }
  return patch;
}
