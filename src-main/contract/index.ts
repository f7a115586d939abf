export * from './channels';
export * from './models';
export * from './partners';
export * from './exchange';
export * from './result';
export * from './events';
export type * from './api';
