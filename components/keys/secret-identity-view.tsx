import type { SecretIdentity } from "@/lib/keys/secret/secret-identity";

function formatSize(n: number): string {
  return n === 1 ? "1 byte" : `${n.toLocaleString("en")} bytes`;
}

function MetadataList({ label, entries }: { label: string; entries: SecretIdentity["labels"] }) {
  if (entries.length === 0) return null;
  return (
    <div>
      <h3 className="font-semibold">{label}</h3>
      <ul aria-label={label} className="font-mono">
        {entries.map((e) => (
          <li key={e.name} className="break-all">
            {e.name}:{" "}
            {e.value === null ? (
              <span className="italic text-slate-600 dark:text-slate-300">
                withheld, it holds the Secret&apos;s data ({formatSize(e.size)})
              </span>
            ) : (
              e.value
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A redacted Secret's identity: who it is and which data keys it holds, never a value. */
export function SecretIdentityView({ secret }: { secret: SecretIdentity }) {
  const facts: Array<[string, string | undefined]> = [
    ["Kind", secret.kind],
    ["API version", secret.apiVersion || "(not set)"],
    ["Namespace", secret.namespace],
    ["Name", secret.name],
    ["Type", secret.type],
    ["UID", secret.uid],
    ["Created", secret.creationTimestamp],
    ["Immutable", secret.immutable === undefined ? undefined : String(secret.immutable)],
    ["Stored as", secret.encoding],
  ];
  return (
    <div className="flex flex-col gap-3 text-sm">
      {secret.note && <p role="note">{secret.note}</p>}
      <dl
        aria-label="Secret identity"
        className="grid grid-cols-1 gap-x-4 gap-y-2 rounded-md border border-slate-200 p-3 sm:grid-cols-2 dark:border-slate-700"
      >
        {facts
          .filter((f): f is [string, string] => f[1] !== undefined)
          .map(([label, text]) => (
            <div key={label}>
              <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
              <dd className="break-all font-mono">{text}</dd>
            </div>
          ))}
      </dl>
      <MetadataList label="Labels" entries={secret.labels} />
      <MetadataList label="Annotations" entries={secret.annotations} />
      <div>
        <h3 className="font-semibold">Data keys</h3>
        {secret.data.length === 0 ? (
          <p>No data keys could be read.</p>
        ) : (
          <table className="font-mono">
            <caption className="sr-only">Data keys and the size of each value</caption>
            <thead className="text-left font-sans">
              <tr>
                <th scope="col" className="pr-6 font-medium">
                  Key
                </th>
                <th scope="col" className="font-medium">
                  Value size
                </th>
              </tr>
            </thead>
            <tbody>
              {secret.data.map((d) => (
                <tr key={d.key}>
                  <td className="break-all pr-6">{d.key}</td>
                  <td className="tabular-nums">{formatSize(d.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
