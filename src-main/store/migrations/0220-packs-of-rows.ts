import { changeLogViewWithRowsSql } from '../change-log-view';
import { packedAt210 } from './0210-values-in-rows';
import type { Migration } from './index';

/**
 * Packs of several rows (store/packs.ts, RowRun): a large write of this device keeps up to 500
 * fields of consecutive stamps, across rows, in one pack whose row_id is empty, instead of one pack
 * per row change. The change_log view lists them too (the packed columns are those of 0210: no
 * table has gained any since). The version moves on so that an older copy of the app, which reads
 * every pack as one row's, refuses the file with its plain "newer than this app understands"
 * message.
 */
export const packsOfRows: Migration = {
  version: 220,
  name: 'packs-of-rows',
  sql: `DROP VIEW change_log;
  ${changeLogViewWithRowsSql(packedAt210)}`,
};
