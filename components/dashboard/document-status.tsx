"use client";

import { useEffect } from "react";
import {
  type StatusMark,
  statusFaviconHref,
  statusMark,
  statusTitle,
} from "@/lib/format/status-mark";
import type { ClusterStatus, QuorumView } from "@/lib/health/cluster-health";

/**
 * Puts the cluster's state in the tab title and favicon, so a background tab still tells the
 * operator when quorum is at risk. Restores both when the page goes away.
 */
export function DocumentStatus({
  name,
  status,
  quorum,
}: {
  name: string;
  status: ClusterStatus;
  quorum: QuorumView;
}) {
  return (
    <DocumentMark title={statusTitle(name, status, quorum)} mark={statusMark(status, quorum)} />
  );
}

/** Sets the tab title and a favicon in the mark's colour; restores both when it goes away. */
export function DocumentMark({ title, mark }: { title: string; mark: StatusMark }) {
  const href = statusFaviconHref(mark);

  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);

  useEffect(() => {
    let links = [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')];
    let added: HTMLLinkElement | undefined;
    if (links.length === 0) {
      added = document.createElement("link");
      added.rel = "icon";
      document.head.append(added);
      links = [added];
    }
    const previous = links.map((l) => [l, l.href, l.type] as const);
    for (const l of links) {
      l.href = href;
      l.type = "image/svg+xml";
    }
    return () => {
      for (const [l, oldHref, oldType] of previous) {
        l.href = oldHref;
        l.type = oldType;
      }
      added?.remove();
    };
  }, [href]);

  return null;
}
