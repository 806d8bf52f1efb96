"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { keyBrowserHref } from "@/lib/keys/browser-href";
import { base64UrlToBytes, bytesText, textBytes } from "@/lib/keys/key-bytes";
import { spaceSentences } from "@/lib/keyspace/space-sentences";
import { clusterQueries } from "@/lib/queries/cluster-queries";
import { keyspaceQueries } from "@/lib/queries/keyspace-queries";
import { SpaceBars } from "./space-bars";
import { spaceHref } from "./space-href";
import { SpaceStatus } from "./space-status";
import { SpaceTable } from "./space-table";

const DEFAULT_PREFIX = "/registry/";

/** The directory the URL asks for: `prefixBase64` (exact bytes) or `prefix` (text). */
function usePrefix(): Uint8Array {
  const params = useSearchParams();
  const b64 = params.get("prefixBase64");
  if (b64) return base64UrlToBytes(b64) ?? new Uint8Array();
  return textBytes(params.get("prefix") ?? DEFAULT_PREFIX);
}

/** The levels above `prefix`, each a link: the keyspace, /, /registry/, … */
function parents(prefix: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [new Uint8Array()];
  for (let i = 0; i < prefix.length - 1; i++) {
    if (prefix[i] === 0x2f) out.push(prefix.subarray(0, i + 1));
  }
  return out;
}

/**
 * Where the space goes: one directory of the live keyspace index at a time (Kubernetes'
 * resources under /registry/, then namespaces), as sorted bars and a table, with the answers
 * in words.
 */
export function SpaceView({ clusterId }: { clusterId: string }) {
  const prefix = usePrefix();
  const prefixText = bytesText(prefix);
  const summary = useQuery(keyspaceQueries.summary(clusterId, prefix, prefixText));
  const health = useQuery(clusterQueries.health(clusterId));
  const data = summary.data;
  const member = health.data?.members.find((m) => m.clientUrls.includes(data?.endpoint ?? ""));
  const sentences = data
    ? spaceSentences(
        data,
        member
          ? {
              name: member.name,
              dbSizeBytes: member.dbSizeBytes,
              dbSizeInUseBytes: member.dbSizeInUseBytes,
            }
          : undefined,
      )
    : [];
  return (
    <section aria-labelledby="space-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-2">
        <h2 id="space-heading" className="text-lg font-semibold">
          Space
        </h2>
        <nav aria-label="Space levels" className="flex flex-wrap gap-1 font-mono text-sm">
          {parents(prefix).map((p) => (
            <Link
              key={p.length}
              href={spaceHref(clusterId, p)}
              className="text-blue-800 hover:underline dark:text-blue-300"
            >
              {p.length === 0 ? "(keyspace)" : bytesText(p)}
            </Link>
          ))}
          <span aria-current="page">{prefixText || "(keyspace)"}</span>
        </nav>
        <Link
          href={keyBrowserHref(clusterId, prefix)}
          className="ml-auto text-sm text-blue-800 hover:underline dark:text-blue-300"
        >
          Browse {prefixText || "the keyspace"} in the key browser
        </Link>
      </div>
      {summary.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Could not load the keyspace index: {summary.error.message}
        </p>
      ) : null}
      {data ? (
        <>
          <SpaceStatus summary={data} />
          <div className="flex flex-col gap-1 text-sm leading-6">
            {sentences.map((s) => (
              <p key={s}>{s}</p>
            ))}
          </div>
          {data.children.length > 0 ? (
            <div className="grid gap-6 lg:grid-cols-2">
              <SpaceBars clusterId={clusterId} items={data.children} total={data.bytes} />
              <SpaceTable
                clusterId={clusterId}
                prefix={data.prefix}
                items={data.children}
                total={data.bytes}
              />
            </div>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-300">
              No directories below {prefixText || "the keyspace"}
              {data.ownKeys > 0 ? `; its ${data.ownKeys} keys are in the key browser` : ""}.
            </p>
          )}
        </>
      ) : summary.isPending ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          Loading the keyspace index…
        </p>
      ) : null}
    </section>
  );
}
