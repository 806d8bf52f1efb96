import Link from "next/link";
import { formatBytes } from "@/lib/format/format-bytes";
import { base64ToBytes } from "@/lib/keys/key-bytes";
import type { KeyspaceChild } from "@/lib/keyspace/keyspace-api";
import { spaceHref } from "./space-href";

/** Children as bars sorted by bytes, so the big pieces show at a glance; each opens its level. */
export function SpaceBars({
  clusterId,
  items,
  total,
}: {
  clusterId: string;
  items: KeyspaceChild[];
  total: number;
}) {
  const max = Math.max(1, ...items.map((c) => c.bytes));
  return (
    <ol aria-label="Space by child, largest first" className="flex flex-col gap-1">
      {items.map((c) => (
        <li
          key={c.keyBase64}
          className="grid grid-cols-[10rem_1fr_8rem] items-center gap-2 text-sm"
        >
          <Link
            href={spaceHref(clusterId, base64ToBytes(c.keyBase64) ?? new Uint8Array())}
            className="truncate font-mono text-blue-800 hover:underline dark:text-blue-300"
            title={c.key}
          >
            {c.name}
          </Link>
          <span className="h-4 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
            <span
              className="block h-4 rounded bg-blue-600 dark:bg-blue-400"
              style={{ width: `${Math.max(0.5, (c.bytes / max) * 100)}%` }}
            />
          </span>
          <span className="whitespace-nowrap text-right tabular-nums text-slate-700 dark:text-slate-200">
            {formatBytes(c.bytes)} · {total > 0 ? Math.round((c.bytes / total) * 100) : 0}%
          </span>
        </li>
      ))}
    </ol>
  );
}
