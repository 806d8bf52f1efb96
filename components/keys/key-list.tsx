"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useId, useRef } from "react";
import { keyBrowserHref } from "@/lib/keys/browser-href";
import type { BrowserView } from "@/lib/keys/browser-view";
import { base64ToBytes, bytesEqual } from "@/lib/keys/key-bytes";
import { displayKey } from "@/lib/keys/key-display";
import { keyQueries } from "@/lib/queries/key-queries";
import { ApiErrorNotice } from "./api-error-notice";
import { KeyListRow } from "./key-list-row";
import { PrefixName } from "./prefix-name";

const ROW_HEIGHT = 34;
/** Start loading the next page this many rows before the end comes into view. */
const PREFETCH_ROWS = 20;

/**
 * The children of the listed prefix, a page at a time (the server never reads the whole
 * prefix), in a virtualized list so a page of thousands of rows renders only what is visible.
 */
export function KeyList({ clusterId, view }: { clusterId: string; view: BrowserView }) {
  const headingId = useId();
  const query = useInfiniteQuery(
    keyQueries.list(clusterId, view.listPrefix, view.separator, view.revision),
  );
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const rows = data?.pages.flatMap((p) => p.children) ?? [];
  const first = data?.pages[0];
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // React 19 warns about flushSync during render; the list does not need synchronous updates.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - PREFETCH_ROWS) {
      void fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, lastIndex, rows.length, fetchNextPage]);

  const title = view.mode === "search" ? "Keys starting with" : "Children of";
  return (
    <section
      aria-labelledby={headingId}
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={headingId} className="text-sm font-semibold">
        {title} <PrefixName prefix={view.listPrefix} />
      </h2>
      {query.isPending && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          Listing keys…
        </p>
      )}
      {query.isError && (
        <ApiErrorNotice
          error={query.error}
          clusterId={clusterId}
          view={view}
          what="list these keys"
        />
      )}
      {data && rows.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">No keys under this prefix.</p>
      )}
      {rows.length > 0 && (
        <div ref={scrollRef} className="max-h-[65vh] min-h-24 overflow-auto">
          <ul
            aria-label="Keys"
            className="relative w-full"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {items.map((item) => {
              const child = rows[item.index];
              if (!child) return null;
              const keyBytes = base64ToBytes(child.keyBase64) ?? new Uint8Array();
              const selected = view.selectedKey ? bytesEqual(view.selectedKey, keyBytes) : false;
              return (
                <KeyListRow
                  key={child.keyBase64 + child.kind}
                  kind={child.kind}
                  name={displayKey(keyBytes.subarray(view.listPrefix.length))}
                  href={keyBrowserHref(clusterId, keyBytes, {
                    separator: view.separator,
                    revision: view.revision,
                    view: child.kind === "key" ? "key" : undefined,
                  })}
                  selected={selected}
                  {...(child.keys !== undefined && child.bytes !== undefined
                    ? { figures: { keys: child.keys, bytes: child.bytes } }
                    : {})}
                  top={item.start}
                  height={item.size}
                />
              );
            })}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-300">
        <span>
          {rows.length.toLocaleString("en")} {rows.length === 1 ? "child" : "children"}
          {hasNextPage ? " loaded so far" : ""}
          {first ? ` at revision ${first.revision}` : ""}
        </span>
        {hasNextPage && (
          <button
            type="button"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
            className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
          >
            {isFetchingNextPage ? "Loading more…" : "Load more"}
          </button>
        )}
      </div>
    </section>
  );
}
