import type { InitiativeLibrary } from '../store/library';

export interface HandlerContext {
  library: InitiativeLibrary;
  /** Folder holding the bundled resources (locales, sample initiative). */
  resourcesDir: string;
  version: string;
  transport: 'electron' | 'host';
}
