import { z } from 'zod';
import { knownSectors } from './models';

/** Import and export of partners and relationships: CSV, Kumu (JSON and XLSX), GEXF, GraphML. */
export const importFormats = ['csv', 'kumu-json', 'kumu-xlsx', 'gexf', 'graphml'] as const;
export const exportFormats = ['csv', 'kumu-json', 'kumu-xlsx', 'gexf', 'graphml'] as const;

/** Partner fields a CSV column can be mapped to; `ignore` drops the column. */
export const partnerImportFields = [
  'ignore',
  'id',
  'name',
  'kind',
  'sector',
  'organisation',
  'livedExperience',
  'influence',
  'interest',
  'stage',
  'email',
  'phone',
  'tags',
  'notes',
] as const;

export const maxImportBytes = 20 * 1024 * 1024;

const importSource = {
  initiativeId: z.uuid().toLowerCase(),
  format: z.enum(importFormats),
  fileName: z.string().max(260),
  /** The file's bytes, base64-encoded (files can be any encoding; the importer detects it). */
  contentBase64: z.string().max(Math.ceil((maxImportBytes * 4) / 3) + 4),
  /** CSV only: source column header -> partner field. Missing headers are guessed. */
  mapping: z.record(z.string().max(200), z.enum(partnerImportFields)).optional(),
};

export const ImportRequest = z.object(importSource).strict();
export type ImportRequest = z.infer<typeof ImportRequest>;

export const ImportRowError = z.object({
  /** Where the problem is, in the person's terms: "Elements row 12", "line 40". */
  where: z.string(),
  message: z.string(),
});

/**
 * Things a person should know about a row that do not stop the import, as a code and its values
 * so the renderer says them in the person's language.
 */
export const importNoticeCodes = [
  /** Two rows in the file name the same partner: both are kept, matched in order on re-import. */
  'duplicate_name',
  /** A sector that is none of the listed ones: kept as a sector of its own. */
  'unknown_sector',
  /** An email that does not look like one: kept as written. */
  'invalid_email',
  /** A cell whose value the field cannot hold (Influence "High"): kept in the partner's notes. */
  'kept_in_notes',
  /** A connection names an element the file does not have: the element is created. */
  'element_created',
  /** An element's attribute repeats a field Kumu keeps itself (from, to, id, label): ignored. */
  'reserved_attribute',
  /** A formula cell saved without its result: read as empty. */
  'formula_without_value',
  /** A connection names a label several elements share: it joins the first of them. */
  'ambiguous_end',
  /** A Connection Direction that is not directed, undirected or mutual: read as directed. */
  'unknown_direction',
] as const;
export type ImportNoticeCode = (typeof importNoticeCodes)[number];

export const ImportNotice = z.object({
  where: z.string(),
  code: z.enum(importNoticeCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ImportNotice = z.infer<typeof ImportNotice>;

export const ImportPreview = z.object({
  columns: z.array(z.object({ header: z.string(), field: z.enum(partnerImportFields) })),
  partners: z.number().int(),
  relationships: z.number().int(),
  /** The first rows as they will be imported, for the preview table. */
  sample: z.array(z.object({ name: z.string(), kind: z.string(), sector: z.string(), tags: z.array(z.string()) })),
  errors: z.array(ImportRowError),
  warnings: z.array(z.string()),
  /** Per-row notices, translated in the renderer; they never stop the import. */
  notices: z.array(ImportNotice),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportOutcome = z.object({
  partnersAdded: z.number().int(),
  partnersUpdated: z.number().int(),
  relationshipsAdded: z.number().int(),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ExportRequest = z
  .object({
    initiativeId: z.uuid().toLowerCase(),
    format: z.enum(exportFormats),
    /** Contact details are private: they leave the app only when asked for. */
    includeContacts: z.boolean().default(false),
  })
  .strict();
export type ExportRequest = z.input<typeof ExportRequest>;

export const ExportFile = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });
export type ExportFile = z.infer<typeof ExportFile>;

/** Findings about who is at which table; messages are built in the renderer from these facts. */
export const RepresentationScope = z.object({
  /** null for the whole initiative. */
  groupId: z.string().nullable(),
  name: z.string(),
  seats: z.number().int(),
  sectorsPresent: z.array(z.string()),
  sectorsMissing: z.array(z.enum(knownSectors)),
  livedExperienceSeats: z.number().int(),
  /** null when there are no co-chairs (or only one): the check does not apply. */
  coChairsFromDifferentOrganisations: z.boolean().nullable(),
  coChairs: z.number().int(),
});
export type RepresentationScope = z.infer<typeof RepresentationScope>;

export const RepresentationReport = z.object({
  initiative: RepresentationScope,
  groups: z.array(RepresentationScope),
  partnersInNoGroup: z.array(z.string()),
  /** Partners whose removal would cut the relationship network into more pieces. */
  bridges: z.array(z.string()),
});
export type RepresentationReport = z.infer<typeof RepresentationReport>;
