/** A field-level change: the unit the write path applies, the change log keeps and sync moves. */
export type FieldValue = string | number | null;

export interface ChangeMessage {
  timestamp: string;
  table: string;
  row: string;
  column: string;
  value: FieldValue;
  /**
   * For long texts only: the timestamp of the value the writer saw in this field when writing
   * (null when the field was empty to them). Lets every replica tell a concurrent overwrite from a
   * knowing one. Absent on other fields.
   */
  base?: string | null;
}
