"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { keyBrowserHref } from "@/lib/keys/browser-href";
import { type BrowserView, endsWithBytes } from "@/lib/keys/browser-view";
import { concatBytes } from "@/lib/keys/key-bytes";
import { displayKey } from "@/lib/keys/key-display";
import { slashedAlternative } from "@/lib/keys/slashed-alternative";
import { ApiRequestError } from "@/lib/queries/fetch-json";
import { keyQueries } from "@/lib/queries/key-queries";

/**
 * When a hand-typed URL such as `/clusters/x/keys/registry/pods` finds nothing, looks for the
 * same path with its leading separator (`/registry/pods`, where Kubernetes keeps its keys) and
 * offers the key or directory found there. Reuses the list and value queries the browser has
 * already made, so it costs at most two reads, and only after a miss.
 */
export function SlashedKeySuggestion({
  clusterId,
  view,
}: {
  clusterId: string;
  view: BrowserView;
}) {
  const alt = slashedAlternative(view.target, view.separator);
  const asKey = view.mode === "key";
  const value = useQuery({
    ...keyQueries.value(clusterId, view.target, view.revision, view.format),
    enabled: alt !== undefined && asKey,
  });
  const list = useInfiniteQuery({
    ...keyQueries.list(clusterId, view.listPrefix, view.separator, view.revision),
    enabled: alt !== undefined && !asKey,
  });
  const missed = asKey
    ? value.error instanceof ApiRequestError && value.error.code === "NOT_FOUND"
    : list.data?.pages[0]?.children.length === 0;
  const altKey = alt ?? new Uint8Array();
  const altDir = endsWithBytes(altKey, view.separator)
    ? altKey
    : concatBytes(altKey, view.separator);
  const dir = useInfiniteQuery({
    ...keyQueries.list(clusterId, altDir, view.separator, view.revision),
    enabled: missed,
  });
  const altValue = useQuery({
    ...keyQueries.value(clusterId, altKey, view.revision),
    enabled: missed && asKey,
  });
  if (!alt || !missed) return null;
  const found =
    (dir.data?.pages[0]?.children.length ?? 0) > 0
      ? { target: altDir, view: undefined }
      : altValue.data
        ? { target: altKey, view: "key" as const }
        : undefined;
  if (!found) return null;
  return (
    <p
      role="status"
      className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100"
    >
      Nothing at <code>{displayKey(view.target)}</code>, which has no leading{" "}
      <code>{displayKey(view.separator)}</code>. Did you mean{" "}
      <Link
        href={keyBrowserHref(clusterId, found.target, {
          separator: view.separator,
          revision: view.revision,
          ...(found.view ? { view: found.view } : {}),
        })}
        className="font-medium underline"
      >
        {displayKey(found.target)}
      </Link>
      ? In the key browser's URLs, <code>~</code> stands for the empty part before a leading slash:{" "}
      <code>/keys/~/registry/pods</code> is <code>/registry/pods</code>.
    </p>
  );
}
