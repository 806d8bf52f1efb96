import Link from "next/link";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatNumber } from "@/lib/format/format-number";
import { keyBrowserHref } from "@/lib/keys/browser-href";
import { base64ToBytes } from "@/lib/keys/key-bytes";
import type { KeyspaceChild } from "@/lib/keyspace/keyspace-api";
import { childRole } from "@/lib/keyspace/kubernetes-label";
import { spaceHref } from "./space-href";

/** The numbers beside the bars: keys, bytes, share, write and growth rates, and links. */
export function SpaceTable({
  clusterId,
  prefix,
  items,
  total,
}: {
  clusterId: string;
  prefix: string;
  items: KeyspaceChild[];
  total: number;
}) {
  const role = items[0] ? childRole(prefix, items[0].name) : "directory";
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Space by child of {prefix || "the keyspace"}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-700 dark:text-slate-300">
          <th scope="col" className="py-1 pr-2 font-medium">
            {role === "api group" || role === "resource" ? "resource or group" : role}
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            keys
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            bytes
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            share
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            writes/s
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            growth keys/s
          </th>
          <th scope="col" className="py-1 font-medium">
            <span className="sr-only">links</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => {
          const key = base64ToBytes(c.keyBase64) ?? new Uint8Array();
          const growth = c.createsPerSecond - c.deletesPerSecond;
          return (
            <tr key={c.keyBase64} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-1 pr-2 text-left font-mono font-normal">
                <Link
                  href={spaceHref(clusterId, key)}
                  className="text-blue-800 hover:underline dark:text-blue-300"
                >
                  {c.name}
                </Link>
                {childRole(prefix, c.name) === "api group" ? (
                  <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">
                    (API group)
                  </span>
                ) : null}
              </th>
              <td className="py-1 pr-2 text-right tabular-nums">{formatNumber(c.keys)}</td>
              <td className="whitespace-nowrap py-1 pr-2 text-right tabular-nums">
                {formatBytes(c.bytes)}
              </td>
              <td className="py-1 pr-2 text-right tabular-nums">
                {total > 0 ? `${Math.round((c.bytes / total) * 100)}%` : "—"}
              </td>
              <td className="py-1 pr-2 text-right tabular-nums">
                {formatNumber(c.writesPerSecond)}
              </td>
              <td className="py-1 pr-2 text-right tabular-nums">{formatNumber(growth)}</td>
              <td className="py-1">
                <Link
                  href={keyBrowserHref(clusterId, key)}
                  className="text-blue-800 hover:underline dark:text-blue-300"
                  aria-label={`Browse keys under ${c.key}`}
                >
                  Browse
                </Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
