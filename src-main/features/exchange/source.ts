import { maxImportBytes, type ImportRequest } from '../../contract/exchange';
import { parsePartnersCsv } from './csv';
import { decodeText } from './decode';
import { parseGexf, parseGraphml } from './graph-import';
import { parseKumuJson, parseKumuXlsx } from './kumu';
import type { SourceFile } from './plan';
import { WorkbookError } from './xlsx';

function failed(where: string, message: string): SourceFile {
  return { columns: [], partners: [], connections: [], errors: [{ where, message }], warnings: [] };
}

/** The request's bytes, parsed by its format into rows in partner terms, with every problem found. */
export function readSource(request: ImportRequest): SourceFile {
  const base64 = request.contentBase64.replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1)
    return failed('file', 'The file did not arrive whole; choose it again.');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) return failed('file', 'The file is empty.');
  if (bytes.length > maxImportBytes) {
    return failed('file', `The file is larger than ${maxImportBytes / 1024 / 1024} MB; split it into smaller files.`);
  }
  if (request.format === 'kumu-xlsx') {
    try {
      return parseKumuXlsx(bytes);
    } catch (error) {
      if (error instanceof WorkbookError) return failed('file', error.message);
      return failed(
        'file',
        'The workbook could not be read; open it in a spreadsheet program and save it again as XLSX.',
      );
    }
  }
  const decoded = decodeText(bytes);
  if (decoded.errors.some((error) => error.where === 'file')) return { ...failed('file', ''), errors: decoded.errors };
  if (decoded.text.trim() === '') return failed('file', 'The file is empty.');
  const source =
    request.format === 'csv'
      ? parsePartnersCsv(decoded.text, request.mapping)
      : request.format === 'gexf'
        ? parseGexf(decoded.text)
        : request.format === 'graphml'
          ? parseGraphml(decoded.text)
          : parseKumuJson(decoded.text);
  const encodingNote =
    decoded.encoding === 'utf-8'
      ? []
      : [
          `The file was read as ${decoded.encoding === 'windows-1252' ? 'Windows-1252' : decoded.encoding.toUpperCase()}.`,
        ];
  return {
    ...source,
    errors: [...decoded.errors, ...source.errors],
    warnings: [...encodingNote, ...decoded.warnings, ...source.warnings],
  };
}
