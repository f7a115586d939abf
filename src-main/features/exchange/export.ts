import type { ExportFile, ExportRequest } from '../../contract/exchange';
import type { InitiativeStore } from '../../store/initiative-store';
import { partnersCsv } from './csv';
import { partnersGexf } from './gexf';
import { partnersGraphml } from './graphml';
import { kumuJson, kumuTables } from './kumu';
import { writeWorkbook } from './xlsx';

const formats = {
  csv: { extension: 'csv', mimeType: 'text/csv' },
  'kumu-json': { extension: 'json', mimeType: 'application/json' },
  'kumu-xlsx': { extension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  gexf: { extension: 'gexf', mimeType: 'application/gexf+xml' },
  graphml: { extension: 'graphml', mimeType: 'application/graphml+xml' },
} as const;

/** A name every file system accepts: no path separators, reserved or control characters, no trailing dot. */
export function safeFileName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100);
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) || cleaned === '' ? `initiative ${cleaned}`.trim() : cleaned;
}

export function exportPartners(store: InitiativeStore, request: ExportRequest): ExportFile {
  const includeContacts = request.includeContacts ?? false;
  const partners = store.partners.list();
  const relationships = store.relationships.list();
  const initiativeName = store.initiative.get().name;
  let content: Uint8Array | string;
  switch (request.format) {
    case 'csv':
      content = partnersCsv(partners, includeContacts);
      break;
    case 'kumu-json':
      content = kumuJson(partners, relationships, includeContacts);
      break;
    case 'kumu-xlsx': {
      const tables = kumuTables(partners, relationships, includeContacts);
      content = writeWorkbook([
        { name: 'Elements', rows: [tables.elementHeaders, ...tables.elements] },
        { name: 'Connections', rows: [tables.connectionHeaders, ...tables.connections] },
      ]);
      break;
    }
    case 'gexf':
      content = partnersGexf(
        initiativeName,
        partners,
        relationships,
        includeContacts,
        new Date().toISOString().slice(0, 10),
      );
      break;
    case 'graphml':
      content = partnersGraphml(partners, relationships, includeContacts);
      break;
  }
  const { extension, mimeType } = formats[request.format];
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return {
    fileName: `${safeFileName(initiativeName)} - partners.${extension}`,
    mimeType,
    contentBase64: bytes.toString('base64'),
  };
}
