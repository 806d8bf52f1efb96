import Link from "next/link";
import { keyBrowserHref } from "@/lib/keys/browser-href";
import type { BrowserView } from "@/lib/keys/browser-view";
import { ApiRequestError } from "@/lib/queries/fetch-json";

/**
 * A failed key read, said plainly; a compacted revision offers a one-click read at the oldest
 * revision etcd still holds, and the way back to the current one.
 */
export function ApiErrorNotice({
  error,
  clusterId,
  view,
  what,
}: {
  error: Error;
  clusterId: string;
  view: BrowserView;
  what: string;
}) {
  const code = error instanceof ApiRequestError ? error.code : undefined;
  const oldest = error instanceof ApiRequestError ? error.oldestRevision : undefined;
  const hrefAt = (revision?: number) =>
    keyBrowserHref(clusterId, view.target, {
      separator: view.separator,
      view: view.mode === "dir" ? undefined : view.mode,
      format: view.format,
      ...(revision ? { revision } : {}),
    });
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p>
        {code === "NOT_FOUND" ? "Not found" : `Could not ${what}`}: {error.message}
      </p>
      {code === "REVISION_COMPACTED" && (
        <p className="mt-1 flex flex-wrap gap-3">
          {oldest ? (
            <Link href={hrefAt(oldest)} className="font-medium underline">
              Read at revision {oldest}, the oldest etcd still holds
            </Link>
          ) : null}
          <Link href={hrefAt()} className="font-medium underline">
            Read the current revision instead
          </Link>
        </p>
      )}
    </div>
  );
}
