"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { keyBrowserHref } from "@/lib/keys/browser-href";
import type { BrowserView } from "@/lib/keys/browser-view";
import { keyQueries } from "@/lib/queries/key-queries";
import { RevisionFact } from "./revision-fact";

/** The cluster's current revision, the revision being read, and a picker for a past one. */
export function RevisionBar({ clusterId, view }: { clusterId: string; view: BrowserView }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const inputId = useId();
  const current = useQuery(keyQueries.revision(clusterId));
  const [draft, setDraft] = useState("");
  const href = (revision: number | undefined) =>
    keyBrowserHref(clusterId, view.target, {
      separator: view.separator,
      revision,
      view: view.mode === "dir" ? undefined : view.mode,
      format: view.format,
    });

  return (
    <div className="flex flex-wrap items-end gap-4 text-sm">
      <div className="flex gap-4">
        <RevisionFact label="Current revision">
          <span className="font-semibold">
            {current.data?.currentRevision ?? (current.isError ? "unavailable" : "…")}
          </span>
        </RevisionFact>
        <RevisionFact label="Reading">
          {view.revision ? (
            <>
              revision {view.revision}{" "}
              <Link
                href={href(undefined)}
                className="font-sans text-blue-700 underline dark:text-blue-300"
              >
                back to current
              </Link>
            </>
          ) : (
            "current revision"
          )}
        </RevisionFact>
      </div>
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const revision = Number(draft);
          if (Number.isSafeInteger(revision) && revision > 0) router.push(href(revision));
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor={inputId} className="font-medium">
            Read at revision
          </label>
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder={String(current.data?.currentRevision ?? "")}
            className="w-32 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Read
        </button>
      </form>
      <button
        type="button"
        onClick={() => void queryClient.invalidateQueries({ queryKey: keyQueries.all(clusterId) })}
        className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Refresh
      </button>
    </div>
  );
}
