import type { ExportFile, ExportRequest, ImportOutcome, ImportPreview, ImportRequest } from '../../contract/exchange';
import { AppError } from '../../contract/result';
import type { InitiativeStore } from '../../store/initiative-store';

// Placeholder until the importers and exporters land; every call is refused with a plain message.
export function previewImport(_store: InitiativeStore, _request: ImportRequest): ImportPreview {
  throw new AppError('internal', 'Import is not available yet.');
}

export function commitImport(_store: InitiativeStore, _request: ImportRequest): ImportOutcome {
  throw new AppError('internal', 'Import is not available yet.');
}

export function exportPartners(_store: InitiativeStore, _request: ExportRequest): ExportFile {
  throw new AppError('internal', 'Export is not available yet.');
}
