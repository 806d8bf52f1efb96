/**
 * HashKV's compact_revision for a table cell: etcd answers -1 for a member whose history was
 * never compacted (mvcc's compactMainRev starts at -1); null is "not known" (the call failed).
 */
export function compactRevisionText(revision: number | null): string {
  if (revision === null) return "—";
  return revision < 0 ? "never compacted" : String(revision);
}
