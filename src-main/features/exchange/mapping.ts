import { partnerImportFields } from '../../contract/exchange';

export type ImportField = (typeof partnerImportFields)[number];
export type PartnerField = Exclude<ImportField, 'ignore'>;
export type ColumnMapping = Record<string, ImportField>;

/** Folds a header or a word for comparison: case, accents, spaces and punctuation do not count. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const synonyms: Record<PartnerField, string[]> = {
  id: ['id', 'partnerid', 'elementid', 'uuid', 'key'],
  name: ['name', 'label', 'organisation name', 'organization name', 'partner', 'partner name', 'full name', 'nombre'],
  kind: ['kind', 'partner kind', 'element type', 'entity type', 'tipo'],
  sector: ['sector', 'sectors', 'industry', 'field'],
  organisation: [
    'organisation',
    'organization',
    'org',
    'employer',
    'affiliation',
    'company',
    'member of',
    'organizacion',
  ],
  livedExperience: ['lived experience', 'livedexperience', 'lived exp', 'experiencia vivida'],
  influence: ['influence', 'power', 'influencia'],
  interest: ['interest', 'interes'],
  stage: ['stage', 'engagement', 'engagement stage', 'status', 'etapa'],
  email: ['email', 'e-mail', 'mail', 'email address', 'correo'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'phone number', 'telefono'],
  tags: ['tags', 'tag', 'keywords', 'labels', 'etiquetas'],
  notes: ['notes', 'note', 'description', 'comments', 'comment', 'notas', 'descripcion'],
};

const byFoldedHeader = new Map<string, PartnerField>();
for (const [field, words] of Object.entries(synonyms) as [PartnerField, string[]][]) {
  for (const word of words) byFoldedHeader.set(fold(word), field);
}

const kindWords: Record<string, 'organisation' | 'person'> = {};
for (const word of ['organisation', 'organization', 'org', 'organizacion', 'institution', 'agency'])
  kindWords[fold(word)] = 'organisation';
for (const word of ['person', 'people', 'individual', 'persona', 'resident', 'member'])
  kindWords[fold(word)] = 'person';

/** 'Person', 'Organization', 'persona'... as a partner kind; null when the word is no kind. */
export function kindOf(value: string): 'organisation' | 'person' | null {
  return kindWords[fold(value)] ?? null;
}

/**
 * A header's field: exact synonyms first; 'Type' is the kind when every value in the column names
 * one (person, organisation), otherwise the sector.
 */
export function guessField(header: string, values: readonly string[] = []): ImportField {
  const folded = fold(header);
  if (folded === 'type') {
    const filled = values.filter((value) => value.trim() !== '');
    return filled.length > 0 && filled.every((value) => kindOf(value) !== null) ? 'kind' : 'sector';
  }
  return byFoldedHeader.get(folded) ?? 'ignore';
}

export interface ResolvedMapping {
  columns: { header: string; field: ImportField }[];
  warnings: string[];
}

/**
 * The request's mapping where it names a header, a guess for the others; one column per field
 * (a second column guessed to the same field is ignored, with a warning).
 */
export function resolveMapping(
  headers: readonly string[],
  columnValues: (index: number) => string[],
  requested: ColumnMapping = {},
): ResolvedMapping {
  const warnings: string[] = [];
  const taken = new Set<ImportField>();
  const guesses = headers.map((header, index) => guessField(header, columnValues(index)));
  // In a list of organisations the "Organisation" column is the name; beside a Name column it is
  // the organisation a person belongs to.
  const organisationIsName = !guesses.includes('name') && !Object.values(requested).includes('name');
  const columns = headers.map((header, index) => {
    const chosen = Object.hasOwn(requested, header) ? requested[header] : undefined;
    const guess = guesses[index] === 'organisation' && organisationIsName ? 'name' : guesses[index];
    let field = chosen ?? guess;
    if (field !== 'ignore' && taken.has(field)) {
      warnings.push(`Column "${header}" is ignored: another column already gives the ${field}.`);
      field = 'ignore';
    } else if (field === 'ignore' && chosen === undefined && header.trim() !== '') {
      warnings.push(`Column "${header}" is not a partner field and is ignored; choose a field for it to import it.`);
    }
    if (field !== 'ignore') taken.add(field);
    return { header, field };
  });
  return { columns, warnings };
}
