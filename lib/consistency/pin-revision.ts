/**
 * The revision every member can hash: the lowest current revision among them, so that no
 * member is asked for a future revision (etcd answers ErrFutureRev). It must also be above
 * every compact revision, which etcd enforces with ErrCompacted; the checker then pins again.
 * Returns null when no revision is known or the lowest is not positive.
 */
export function pinRevision(currentRevisions: readonly number[]): number | null {
  if (currentRevisions.length === 0) return null;
  const lowest = Math.min(...currentRevisions);
  return Number.isSafeInteger(lowest) && lowest > 0 ? lowest : null;
}
