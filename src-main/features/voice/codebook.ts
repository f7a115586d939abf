import type { ExportFile } from '../../contract/exchange';
import { AppError } from '../../contract/result';
import type { QdcImportOutcome } from '../../contract/voice';
import type { InitiativeStore } from '../../store/initiative-store';
import { safeFileName } from '../exchange/export';
import { buildQdc, parseQdc } from './qdc';

/** The codebook as a REFI-QDA .qdc file, which QualCoder, NVivo and ATLAS.ti open. */
export function exportCodebook(store: InitiativeStore): ExportFile {
  const themes = store.themes.codebook();
  // The codebook schema needs at least one code; an empty file would not open elsewhere.
  if (themes.length === 0)
    throw new AppError('invalid_input', 'The codebook has no themes yet, so there is nothing to export.');
  const name = store.initiative.get().name;
  return {
    fileName: `${safeFileName(`${name} - codebook`)}.qdc`,
    mimeType: 'application/xml',
    contentBase64: Buffer.from(buildQdc(themes), 'utf8').toString('base64'),
  };
}

export function importCodebook(store: InitiativeStore, fileName: string, contentBase64: string): QdcImportOutcome {
  if (!/\.(qdc|xml)$/i.test(fileName)) {
    throw new AppError('invalid_input', 'Choose a REFI-QDA codebook file (.qdc).');
  }
  const bytes = Buffer.from(contentBase64, 'base64');
  const xml = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\ufeff/, '');
  const { themes, warnings } = parseQdc(xml);
  return { ...store.themes.importCodebook(themes), warnings };
}
