import { z } from 'zod';
import { knownSectors } from './models';

/** Import and export of partners and relationships: CSV, Kumu (JSON and XLSX), GEXF, GraphML. */
export const importFormats = ['csv', 'kumu-json', 'kumu-xlsx'] as const;
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

export const ImportPreview = z.object({
  columns: z.array(z.object({ header: z.string(), field: z.enum(partnerImportFields) })),
  partners: z.number().int(),
  relationships: z.number().int(),
  /** The first rows as they will be imported, for the preview table. */
  sample: z.array(z.object({ name: z.string(), kind: z.string(), sector: z.string(), tags: z.array(z.string()) })),
  errors: z.array(ImportRowError),
  warnings: z.array(z.string()),
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
