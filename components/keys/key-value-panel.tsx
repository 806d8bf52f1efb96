"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import type { BrowserView } from "@/lib/keys/browser-view";
import { displayKey } from "@/lib/keys/key-display";
import { keyQueries, rawValueUrl } from "@/lib/queries/key-queries";
import { ApiErrorNotice } from "./api-error-notice";
import { DecodedView } from "./decoded-view";
import { FormatPicker } from "./format-picker";
import { SecretIdentityView } from "./secret-identity-view";
import { ValueMetadata } from "./value-metadata";

/** One key: its metadata, its value decoded (or redacted), a decoder switch and the raw download. */
export function KeyValuePanel({
  clusterId,
  view,
  keyBytes,
}: {
  clusterId: string;
  view: BrowserView;
  keyBytes: Uint8Array;
}) {
  const headingId = useId();
  const query = useQuery(keyQueries.value(clusterId, keyBytes, view.revision, view.format));
  const value = query.data;
  return (
    <section
      aria-labelledby={headingId}
      className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={headingId} className="break-all font-mono text-base font-semibold">
        {displayKey(keyBytes)}
      </h2>
      {query.isPending && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          Reading the value…
        </p>
      )}
      {query.isError && (
        <ApiErrorNotice
          error={query.error}
          clusterId={clusterId}
          view={view}
          what="read this key"
        />
      )}
      {value && (
        <>
          <ValueMetadata value={value} />
          {value.notice && (
            <p
              role="note"
              className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
            >
              {value.notice}
            </p>
          )}
          {value.redacted ? (
            <div
              role="note"
              aria-label="Redacted value"
              className="rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-800"
            >
              <p className="font-semibold">Value redacted</p>
              <p>
                {value.redactedBecause === "kubernetes-secret"
                  ? "This value is a Kubernetes Secret, so its values stay on the server."
                  : "This key matches a secret pattern, so its value stays on the server."}{" "}
                Set RAFTSCOPE_SHOW_SECRETS=true on the server to show secrets.
              </p>
            </div>
          ) : (
            <div className="flex flex-wrap items-end justify-between gap-3">
              <FormatPicker clusterId={clusterId} view={view} />
              <a
                href={rawValueUrl(clusterId, keyBytes, view.revision)}
                download
                className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
              >
                Download raw value
              </a>
            </div>
          )}
          {value.secret && <SecretIdentityView secret={value.secret} />}
          {value.decoded && <DecodedView decoded={value.decoded} />}
        </>
      )}
    </section>
  );
}
