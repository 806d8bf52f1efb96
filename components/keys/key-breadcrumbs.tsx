import Link from "next/link";
import { breadcrumbTrail } from "@/lib/keys/breadcrumb-trail";
import { keyBrowserHref } from "@/lib/keys/browser-href";
import type { BrowserView } from "@/lib/keys/browser-view";
import { displayKey } from "@/lib/keys/key-display";

const linkClass = "rounded px-1.5 py-0.5 text-blue-700 hover:underline dark:text-blue-300";

function Chevron() {
  return (
    <span aria-hidden="true" className="text-slate-400">
      ›
    </span>
  );
}

/**
 * Root, then each directory down to the one listed (a deep path's middle collapsed into one
 * link, so the page grows linearly with the path), then the key or search term.
 */
export function KeyBreadcrumbs({ clusterId, view }: { clusterId: string; view: BrowserView }) {
  const prefix = view.listPrefix;
  const trail = breadcrumbTrail(prefix, view.separator);
  const opts = { separator: view.separator, revision: view.revision };
  const lastEnd = trail[trail.length - 1]?.end ?? 0;
  const tail = view.target.subarray(lastEnd);
  const showTail = view.mode !== "dir";
  return (
    <nav aria-label="Key path" className="overflow-x-auto">
      <ol className="flex flex-wrap items-center gap-1 font-mono text-sm">
        {trail.map((crumb, i) => {
          const href = keyBrowserHref(clusterId, prefix.subarray(0, crumb.end), opts);
          if (crumb.kind === "gap") {
            return (
              <li key={`gap-${crumb.end}`} className="flex items-center gap-1">
                <Chevron />
                <Link href={href} className={`${linkClass} font-sans`}>
                  … {crumb.hidden} more levels
                </Link>
              </li>
            );
          }
          const name = i === 0 ? "All keys" : displayKey(prefix.subarray(crumb.start, crumb.end));
          const current = !showTail && i === trail.length - 1;
          return (
            <li key={crumb.end} className="flex items-center gap-1">
              {i > 0 && <Chevron />}
              {current ? (
                <span aria-current="page" className="rounded px-1.5 py-0.5 font-semibold">
                  {name}
                </span>
              ) : (
                <Link href={href} className={`${linkClass} ${i === 0 ? "font-sans" : ""}`}>
                  {name}
                </Link>
              )}
            </li>
          );
        })}
        {showTail && (
          <li className="flex items-center gap-1">
            <Chevron />
            <span aria-current="page" className="rounded px-1.5 py-0.5 font-semibold">
              {view.mode === "search" ? `${displayKey(tail)}…` : displayKey(tail) || "(empty name)"}
            </span>
          </li>
        )}
      </ol>
    </nav>
  );
}
