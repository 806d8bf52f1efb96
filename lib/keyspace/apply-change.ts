import type { KeyChange } from "./key-change";
import type { KeyspaceTree } from "./keyspace-tree";
import type { ScanLedger } from "./scan-ledger";

/**
 * Applies one watched change to the index: to the key counts where the keys pass has covered
 * the key, to the value sizes where the values pass has, each only when the pass read the key
 * before the change (see ScanLedger). Rates count every change to a known directory.
 */
export function applyChange(
  tree: KeyspaceTree,
  ledgers: { keys: ScanLedger; values: ScanLedger },
  change: KeyChange,
  nowMs: number,
): void {
  const keys = ledgers.keys.applies(change.key, change.revision);
  const values = ledgers.values.applies(change.key, change.revision);
  if (keys && change.kind === "put" && change.created) tree.addKey(change.key);
  if (values) {
    if (change.previous) {
      tree.removeValue(change.key, change.previous.valueBytes, change.previous.redacted);
    }
    if (change.kind === "put") tree.addValue(change.key, change.valueBytes, change.redacted);
  }
  // Rates before a delete drops the directories it empties, after a put creates them.
  tree.noteChange(change.key, change.kind, change.created, nowMs);
  if (keys && change.kind === "delete") tree.removeKey(change.key);
}
