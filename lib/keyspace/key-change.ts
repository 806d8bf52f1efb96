/** One change from etcd's watch, in the index's terms (keys as latin1, sizes in bytes). */
export interface KeyChange {
  kind: "put" | "delete";
  key: string;
  /** The change's mod revision (a delete's revision). */
  revision: number;
  /** A put that created the key (its version is 1). */
  created: boolean;
  /** The new value's size; 0 for a delete. */
  valueBytes: number;
  redacted: boolean;
  /** The value before the change, when the key existed. */
  previous: { valueBytes: number; redacted: boolean } | null;
}
