import type { exportFormats, partnerImportFields } from '../../../src-main/contract/index';

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
