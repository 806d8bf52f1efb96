import Link from "next/link";
import { keyBrowserHref } from "@/lib/keys/browser-href";
import { ancestorPrefixes, type BrowserView } from "@/lib/keys/browser-view";
import { displayKey } from "@/lib/keys/key-display";

/** Root, then each directory down to the one listed, then the key or search term. */
export function KeyBreadcrumbs({ clusterId, view }: { clusterId: string; view: BrowserView }) {
  const dirs = ancestorPrefixes(view.listPrefix, view.separator);
  const opts = { separator: view.separator, revision: view.revision };
  const lastDir = dirs[dirs.length - 1];
  const tail = lastDir ? view.target.subarray(lastDir.length) : view.target;
  const showTail = view.mode !== "dir";
  return (
    <nav aria-label="Key path" className="overflow-x-auto">
      <ol className="flex flex-wrap items-center gap-1 font-mono text-sm">
        {dirs.map((dir, i) => {
          const previous = dirs[i - 1];
          const name = i === 0 ? "All keys" : displayKey(dir.subarray(previous?.length ?? 0));
          const current = !showTail && i === dirs.length - 1;
          return (
            <li key={name + String(i)} className="flex items-center gap-1">
              {i > 0 && (
                <span aria-hidden="true" className="text-slate-400">
                  ›
                </span>
              )}
              {current ? (
                <span aria-current="page" className="rounded px-1.5 py-0.5 font-semibold">
                  {name}
                </span>
              ) : (
                <Link
                  href={keyBrowserHref(clusterId, dir, opts)}
                  className={`rounded px-1.5 py-0.5 text-blue-700 hover:underline dark:text-blue-300 ${i === 0 ? "font-sans" : ""}`}
                >
                  {name}
                </Link>
              )}
            </li>
          );
        })}
        {showTail && (
          <li className="flex items-center gap-1">
            <span aria-hidden="true" className="text-slate-400">
              ›
            </span>
            <span aria-current="page" className="rounded px-1.5 py-0.5 font-semibold">
              {view.mode === "search" ? `${displayKey(tail)}…` : displayKey(tail) || "(empty name)"}
            </span>
          </li>
        )}
      </ol>
    </nav>
  );
}
