"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";

export type UrlUpdates = Record<string, string | null>;

/**
 * The page's view state in its search parameters. Updates replace the history entry through
 * the native History API, which Next's router follows without a server round trip; a local
 * copy answers at once, because the router applies the new URL in a transition.
 */
export function useUrlState(): {
  params: URLSearchParams;
  update: (updates: UrlUpdates) => void;
} {
  const routerQuery = useSearchParams().toString();
  const pathname = usePathname();
  const [query, setQuery] = useState(routerQuery);
  const [seen, setSeen] = useState(routerQuery);
  // Back, forward and links change the router's URL: adopt it (React's adjust-during-render).
  if (routerQuery !== seen) {
    setSeen(routerQuery);
    setQuery(routerQuery);
  }
  const update = useCallback(
    (updates: UrlUpdates) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(updates)) {
        if (value === null || value === "") next.delete(key);
        else next.set(key, value);
      }
      const text = next.toString();
      setQuery(text);
      window.history.replaceState(null, "", text ? `${pathname}?${text}` : pathname);
    },
    [pathname],
  );
  return { params: new URLSearchParams(query), update };
}
