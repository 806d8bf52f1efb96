"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { targetFromPathname } from "@/lib/keys/browser-location";
import { browserView } from "@/lib/keys/browser-view";
import { KeyBreadcrumbs } from "./key-breadcrumbs";
import { KeyJumpForm } from "./key-jump-form";
import { KeyList } from "./key-list";
import { KeyNameSearch } from "./key-name-search";
import { KeySearchResults } from "./key-search-results";
import { KeyValuePanel } from "./key-value-panel";
import { RevisionBar } from "./revision-bar";
import { SeparatorPicker } from "./separator-picker";
import { SlashedKeySuggestion } from "./slashed-key-suggestion";

/**
 * The read-only key browser. Its whole state is the URL: the path names the key or prefix, the
 * query the separator, revision, view and decoder, so every view can be shared and reloaded.
 * It lives in the keys layout, so moving between keys keeps the list and its scroll position.
 */
export function KeyBrowser({ clusterId }: { clusterId: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const target = useMemo(() => targetFromPathname(pathname, clusterId), [pathname, clusterId]);
  const search = searchParams.toString();
  const view = useMemo(() => {
    if (!target) return undefined;
    const q = new URLSearchParams(search);
    const get = (name: string) => q.get(name) ?? undefined;
    return browserView(target, {
      separator: get("separator"),
      revision: get("revision"),
      view: get("view"),
      format: get("format"),
      q: get("q"),
    });
  }, [target, search]);

  if (!view) {
    return (
      <p
        role="alert"
        className="rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950"
      >
        This address does not name a key: a part of its path is not a valid escape. Go back to the
        key list and pick the key from there.
      </p>
    );
  }
  if (view.badRevision !== undefined) {
    const current = new URLSearchParams(search);
    current.delete("revision");
    const rest = current.toString();
    return (
      <p
        role="alert"
        className="rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950"
      >
        This address asks for revision “{view.badRevision.slice(0, 40)}”, which is not a revision:
        it must be a positive integer.{" "}
        <Link className="underline" href={`${pathname}${rest ? `?${rest}` : ""}`}>
          Read at the current revision instead
        </Link>
        .
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start gap-x-6 gap-y-3">
        <KeyJumpForm clusterId={clusterId} view={view} />
        {/* Keyed by the URL's text, so going back and forth shows the searched text. */}
        <KeyNameSearch key={view.find ?? ""} clusterId={clusterId} view={view} />
        <SeparatorPicker clusterId={clusterId} view={view} />
        <RevisionBar clusterId={clusterId} view={view} />
      </div>
      <KeyBreadcrumbs clusterId={clusterId} view={view} />
      <SlashedKeySuggestion clusterId={clusterId} view={view} />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        {view.find ? (
          <KeySearchResults clusterId={clusterId} view={view} find={view.find} />
        ) : (
          <KeyList clusterId={clusterId} view={view} />
        )}
        {view.selectedKey ? (
          <KeyValuePanel clusterId={clusterId} view={view} keyBytes={view.selectedKey} />
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-300">
            Pick a key to see its value and metadata.
          </p>
        )}
      </div>
    </div>
  );
}
