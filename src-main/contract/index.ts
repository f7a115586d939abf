export * from './channels';
export * from './models';
export * from './result';
export * from './events';
export type * from './api';
