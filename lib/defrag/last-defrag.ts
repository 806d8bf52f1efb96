import type { LastDefrag } from "./defrag-advice";

/**
 * What etcd_disk_backend_defrag_duration_seconds (_count, _sum, since the process started)
 * tells about the member's last defragmentation: its duration when there was exactly one,
 * otherwise only the mean. Counts and sums are as scraped; undefined means not exposed.
 */
export function lastDefrag(count: number | undefined, sumSeconds: number | undefined): LastDefrag {
  if (count === undefined || sumSeconds === undefined || !(count >= 0)) return { kind: "unknown" };
  if (count === 0) return { kind: "none" };
  if (count === 1) return { kind: "exact", seconds: sumSeconds };
  return { kind: "mean", seconds: sumSeconds / count, count };
}
