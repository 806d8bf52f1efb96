/** A duration given in seconds, in the unit that keeps it readable: "850 µs", "4.2 ms", "1.25 s". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "—";
  const abs = Math.abs(seconds);
  if (abs === 0) return "0 s";
  if (abs < 0.001) return `${(seconds * 1e6).toFixed(abs < 0.0001 ? 1 : 0)} µs`;
  if (abs < 1) return `${(seconds * 1000).toFixed(abs < 0.01 ? 2 : abs < 0.1 ? 1 : 0)} ms`;
  if (abs < 60) return `${seconds.toFixed(abs < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(abs / 60);
  return `${seconds < 0 ? "-" : ""}${minutes} min ${Math.round(abs - minutes * 60)} s`;
}
