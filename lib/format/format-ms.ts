/**
 * A duration given in seconds, in whole milliseconds ("10 ms", "150 ms"), or with one decimal
 * under 10 ms ("2.5 ms"): the words warnings and guides use for etcd's thresholds.
 */
export function formatMs(seconds: number): string {
  return `${(seconds * 1000).toFixed(seconds < 0.01 ? 1 : 0)} ms`;
}
