import type {
  exportFormats,
  ImportNotice,
  ImportNoticeCode,
  partnerImportFields,
} from '../../../src-main/contract/index';

/** Locale keys written out in full, so the locale test sees every one in use. */
export const formatLabel: Record<(typeof exportFormats)[number], string> = {
  csv: 'exchange.formats.csv',
  'kumu-json': 'exchange.formats.kumuJson',
  'kumu-xlsx': 'exchange.formats.kumuXlsx',
  gexf: 'exchange.formats.gexf',
  graphml: 'exchange.formats.graphml',
};

export const fieldLabel: Record<(typeof partnerImportFields)[number], string> = {
  ignore: 'exchange.fields.ignore',
  id: 'exchange.fields.id',
  name: 'exchange.fields.name',
  kind: 'exchange.fields.kind',
  sector: 'exchange.fields.sector',
  organisation: 'exchange.fields.organisation',
  livedExperience: 'exchange.fields.livedExperience',
  influence: 'exchange.fields.influence',
  interest: 'exchange.fields.interest',
  stage: 'exchange.fields.stage',
  email: 'exchange.fields.email',
  phone: 'exchange.fields.phone',
  tags: 'exchange.fields.tags',
  notes: 'exchange.fields.notes',
};

export const noticeLabel: Record<ImportNoticeCode, string> = {
  duplicate_name: 'exchange.notices.duplicateName',
  unknown_sector: 'exchange.notices.unknownSector',
  invalid_email: 'exchange.notices.invalidEmail',
  kept_in_notes: 'exchange.notices.keptInNotes',
  element_created: 'exchange.notices.elementCreated',
  reserved_attribute: 'exchange.notices.reservedAttribute',
  formula_without_value: 'exchange.notices.formulaWithoutValue',
  ambiguous_end: 'exchange.notices.ambiguousEnd',
  unknown_direction: 'direction.unknownInFile',
};

/**
 * Where a problem is, in the person's language: main says "line 4" or "Elements row 12", the
 * shapes matched here; anything else is shown as main wrote it.
 */
export function placeLabel(where: string, t: Translate): string {
  const line = /^line (\d+)$/.exec(where);
  if (line) return t('exchange.where.line', { number: Number(line[1]) });
  const row = /^(Elements|Connections) (row|item) (\d+)$/.exec(where);
  if (row) {
    const number = Number(row[3]);
    if (row[1] === 'Elements')
      return row[2] === 'row'
        ? t('exchange.where.elementsRow', { number })
        : t('exchange.where.elementsItem', { number });
    return row[2] === 'row'
      ? t('exchange.where.connectionsRow', { number })
      : t('exchange.where.connectionsItem', { number });
  }
  if (where === 'file') return t('exchange.where.file');
  return where;
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A notice's values with the ones main sends as keys (a field, a place) said in the person's words. */
export function noticeValues(notice: ImportNotice, t: Translate): Record<string, string | number> {
  const values: Record<string, string | number> = { ...notice.params };
  const { field, first } = notice.params;
  if (typeof field === 'string' && field in fieldLabel) values.field = t(fieldLabel[field as keyof typeof fieldLabel]);
  if (field === 'strength') values.field = t('exchange.strength');
  if (typeof first === 'string') values.first = placeLabel(first, t);
  return values;
}
