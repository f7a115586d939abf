import type { ImportNotice } from '../../contract/exchange';
import { limits, knownSectors } from '../../contract/models';
import {
  engagementStages,
  relationshipDirections,
  relationshipKinds,
  type PartnerPatch,
  type RelationshipDirection,
} from '../../contract/partners';
import { fold, kindOf, type PartnerField } from './mapping';

/** One partner as read from a file: the cells of the columns it has, by partner field. */
export interface SourcePartner {
  where: string;
  values: Partial<Record<PartnerField, string>>;
}

export interface SourceConnection {
  where: string;
  id: string;
  from: string;
  to: string;
  kind: string;
  strength: string;
  note: string;
  /** Kumu's Connection Direction: directed (or empty), undirected, mutual. */
  direction?: string;
}

export interface RowError {
  where: string;
  message: string;
}

/** The fields a row sets, converted; `organisation` stays a reference until every row has an id. */
export type PartnerFields = Omit<PartnerPatch, 'organisationId'> & { organisation?: string };

const yes = new Set(['yes', 'y', 'true', '1', 'x', 'si', 'sí', 'oui']);
const no = new Set(['no', 'n', 'false', '0', '']);

/** Several values in one cell: Kumu's '|', or ';' as many spreadsheets write them. */
export function splitList(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(/[|;]/)
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
}

const sectorWords = new Map<string, string>(knownSectors.map((sector) => [fold(sector), sector]));
for (const [word, sector] of [
  ['non-profit', 'nonprofit'],
  ['not for profit', 'nonprofit'],
  ['ngo', 'nonprofit'],
  ['community/resident', 'community'],
  ['resident', 'community'],
  ['residents', 'community'],
  ['schools', 'education'],
  ['healthcare', 'health'],
  ['public sector', 'government'],
  ['private sector', 'business'],
  ['funder', 'philanthropy'],
  ['foundation', 'philanthropy'],
] as const)
  sectorWords.set(fold(word), sector);

/** A known sector when the words name one, else the words as a custom sector. */
export function sectorOf(value: string): string {
  return sectorWords.get(fold(value)) ?? value.trim();
}

const relationshipWords = new Map<string, string>(relationshipKinds.map((kind) => [fold(kind), kind]));
for (const [word, kind] of [
  ['funds', 'funds'],
  ['funder of', 'funds'],
  ['funding', 'funds'],
  ['partners with', 'partners_with'],
  ['partner', 'partners_with'],
  ['partnership', 'partners_with'],
  ['refers to', 'refers_to'],
  ['referral', 'refers_to'],
  ['refers', 'refers_to'],
  ['shares data with', 'shares_data_with'],
  ['shares data', 'shares_data_with'],
  ['data sharing', 'shares_data_with'],
  ['reports to', 'reports_to'],
] as const)
  relationshipWords.set(fold(word), kind);

export function relationshipKindOf(value: string): string {
  return value.trim() === '' ? 'partners_with' : (relationshipWords.get(fold(value)) ?? value.trim());
}

/** Strength 1..3, rounded and clamped; empty is 2. Null when the cell is not a number. */
export function strengthOf(value: string): number | null {
  if (value.trim() === '') return 2;
  const number = Number(value.trim());
  if (!Number.isFinite(number)) return null;
  return Math.min(3, Math.max(1, Math.round(number)));
}

function tooLong(label: string, max: number): string {
  return `${label} is longer than ${max} characters.`;
}

/** A plausible address: something@domain.tld, no spaces. Only for a warning; the text is kept as written. */
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ReadOptions {
  /**
   * Kumu imports cells a field cannot hold (Influence "High", a tag past 40 characters), so a Kumu
   * file keeps such text in the partner's notes with a notice instead of refusing the row.
   */
  keepOddCellsInNotes?: boolean;
}

/** Reads the cells a row has into partner fields, collecting a message for each bad cell. */
export function readPartner(
  source: SourcePartner,
  errors: RowError[],
  notices: ImportNotice[] = [],
  options: ReadOptions = {},
): PartnerFields {
  const { values, where } = source;
  const fields: PartnerFields = {};
  const problem = (message: string) => errors.push({ where, message });
  const keptInNotes: string[] = [];
  // The notes say the column in English words (they are the partner's data); the notice names the
  // field by key so the renderer says it in the person's language.
  const keep = (field: 'influence' | 'interest' | 'tags', value: string) => {
    keptInNotes.push(`${{ influence: 'Influence', interest: 'Interest', tags: 'Tag' }[field]}: ${value}`);
    notices.push({ where, code: 'kept_in_notes', params: { field, value: value.slice(0, 80) } });
  };
  const name = (values.name ?? '').trim();
  if (!name) problem('The name is missing.');
  else if (name.length > limits.name) problem(tooLong('The name', limits.name));
  fields.name = name;
  if (values.kind !== undefined && values.kind.trim() !== '') {
    const kind = kindOf(values.kind);
    if (kind) fields.kind = kind;
    else problem(`"${values.kind}" is not a partner kind; use person or organisation.`);
  }
  if (values.sector !== undefined) {
    const sector = sectorOf(values.sector);
    if (sector.length > limits.sector) problem(tooLong('The sector', limits.sector));
    fields.sector = sector || 'other';
  }
  if (values.organisation !== undefined) fields.organisation = values.organisation.trim();
  if (values.livedExperience !== undefined) {
    const word = values.livedExperience.trim().toLowerCase();
    if (yes.has(word)) fields.livedExperience = true;
    else if (no.has(word)) fields.livedExperience = false;
    else problem(`Lived experience "${values.livedExperience}" should be yes or no.`);
  }
  for (const key of ['influence', 'interest'] as const) {
    const cell = values[key];
    if (cell === undefined) continue;
    if (cell.trim() === '') {
      fields[key] = null;
      continue;
    }
    const number = Number(cell.trim());
    if (Number.isInteger(number) && number >= 1 && number <= 5) fields[key] = number;
    else if (options.keepOddCellsInNotes) keep(key, cell.trim());
    else problem(`${key === 'influence' ? 'Influence' : 'Interest'} "${cell}" should be a whole number from 1 to 5.`);
  }
  if (values.stage !== undefined) {
    const stage = engagementStages.find((known) => fold(known) === fold(values.stage ?? ''));
    if (stage) fields.stage = stage;
    else if (values.stage.trim() === '') fields.stage = 'identified';
    else problem(`Stage "${values.stage}" should be one of ${engagementStages.join(', ')}.`);
  }
  for (const key of ['email', 'phone'] as const) {
    const cell = values[key];
    if (cell === undefined) continue;
    if (cell.trim().length > limits.shortText)
      problem(tooLong(key === 'email' ? 'The email' : 'The phone', limits.shortText));
    fields[key] = cell.trim();
  }
  if (fields.email && !emailPattern.test(fields.email))
    notices.push({ where, code: 'invalid_email', params: { value: fields.email.slice(0, 80) } });
  if (values.tags !== undefined) {
    let tags = splitList(values.tags);
    if (options.keepOddCellsInNotes) {
      for (const tag of tags.filter((tag) => tag.length > 40)) keep('tags', tag);
      tags = tags.filter((tag) => tag.length <= 40);
      for (const tag of tags.slice(30)) keep('tags', tag);
      tags = tags.slice(0, 30);
    }
    if (tags.length > 30) problem('A partner can have at most 30 tags.');
    const long = tags.find((tag) => tag.length > 40);
    if (long) problem(`The tag "${long.slice(0, 40)}…" is longer than 40 characters.`);
    fields.tags = tags;
  }
  if (values.notes !== undefined || keptInNotes.length > 0) {
    const notes = [values.notes ?? '', ...keptInNotes].filter(Boolean).join('\n');
    if (notes.length > limits.longText) problem(tooLong('The notes', limits.longText));
    fields.notes = notes;
  }
  return fields;
}

/** Kumu's Connection Direction as ours; empty is directed, as in Kumu; null for a word it does not use. */
export function relationshipDirectionOf(cell: string): RelationshipDirection | null {
  const word = fold(cell);
  if (word === '') return 'directed';
  return (relationshipDirections as readonly string[]).includes(word) ? (word as RelationshipDirection) : null;
}
