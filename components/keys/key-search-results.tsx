"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId } from "react";
import { keyBrowserHref } from "@/lib/keys/browser-href";
import type { BrowserView } from "@/lib/keys/browser-view";
import { base64ToBytes } from "@/lib/keys/key-bytes";
import { displayKey } from "@/lib/keys/key-display";
import { DEFAULT_SEARCH_MATCHES } from "@/lib/keys/search-query";
import { searchSummary } from "@/lib/keys/search-summary";
import { keyQueries } from "@/lib/queries/key-queries";
import { ApiErrorNotice } from "./api-error-notice";
import { PrefixName } from "./prefix-name";

/**
 * Keys under the listed prefix whose name contains the searched text, shown as the server's
 * stream brings them, with how many keys it has read and, at the end, why it stopped.
 * Only key names arrive: a search never reads values, redacted or not.
 */
export function KeySearchResults({
  clusterId,
  view,
  find,
}: {
  clusterId: string;
  view: BrowserView;
  find: string;
}) {
  const headingId = useId();
  const query = useQuery(keyQueries.search(clusterId, view.listPrefix, find));
  const progress = query.data;
  const running = query.fetchStatus === "fetching";
  return (
    <section
      aria-labelledby={headingId}
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={headingId} className="text-sm font-semibold">
        Names containing <q className="font-mono">{find}</q> under{" "}
        <PrefixName prefix={view.listPrefix} />
      </h2>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <p role="status" className="text-slate-700 dark:text-slate-200">
          {progress ? searchSummary(progress, DEFAULT_SEARCH_MATCHES) : "Searching…"}
        </p>
        {running && progress && progress.total > 0 ? (
          <progress
            aria-label="Keys read"
            value={progress.scanned}
            max={progress.total}
            className="h-2 w-40"
          />
        ) : null}
        <Link
          href={keyBrowserHref(clusterId, view.listPrefix, { separator: view.separator })}
          className="text-blue-700 underline dark:text-blue-300"
        >
          Back to the list
        </Link>
      </div>
      {query.isError && (
        <ApiErrorNotice error={query.error} clusterId={clusterId} view={view} what="search" />
      )}
      {progress?.error && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          The search stopped: {progress.error.message}
        </p>
      )}
      {progress && progress.matches.length > 0 && (
        <ul aria-label="Matches" className="max-h-[65vh] overflow-auto">
          {progress.matches.map((m) => {
            const key = base64ToBytes(m.keyBase64) ?? new Uint8Array();
            const name = displayKey(key.subarray(view.listPrefix.length));
            return (
              <li key={m.keyBase64}>
                <Link
                  href={keyBrowserHref(clusterId, key, { separator: view.separator, view: "key" })}
                  prefetch={false}
                  // The row truncates long names; the tooltip shows the whole of it.
                  title={name}
                  className="block truncate rounded px-2 py-1 font-mono text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
                >
                  {name}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
