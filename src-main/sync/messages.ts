/** A field-level change: the unit the write path applies, the change log keeps and sync moves. */
export type FieldValue = string | number | null;

export interface ChangeMessage {
  timestamp: string;
  table: string;
  row: string;
  column: string;
  value: FieldValue;
}
