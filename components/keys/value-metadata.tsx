import type { KeyValue } from "@/lib/keys/key-api";

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** The key's metadata as etcd keeps it, with the revision it was read at. */
export function ValueMetadata({ value }: { value: KeyValue }) {
  const facts: Array<[string, string]> = [
    ["Size", value.size === null ? "unknown (too large)" : formatBytes(value.size)],
    ["Created at revision", String(value.createRevision)],
    ["Modified at revision", String(value.modRevision)],
    ["Version", String(value.version)],
    ["Lease", value.lease ?? "none"],
    ["Read at revision", String(value.revision)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
      {facts.map(([label, text]) => (
        <div key={label}>
          <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
          <dd className="font-mono tabular-nums">{text}</dd>
        </div>
      ))}
    </dl>
  );
}
