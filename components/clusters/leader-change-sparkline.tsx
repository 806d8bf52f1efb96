"use client";

import { useQuery } from "@tanstack/react-query";
import { clusterQueries } from "@/lib/queries/cluster-queries";
import { leaderChangeBuckets } from "./leader-change-buckets";

const SPAN_MS = 60 * 60_000;
const BUCKETS = 12;
const W = 120;
const H = 24;

/**
 * Leader changes over the last hour in 5-minute bars; a quiet cluster draws a flat line. It
 * only draws: whether changes are too frequent is the server's FREQUENT_LEADER_CHANGES rule,
 * shown in the card's status.
 */
export function LeaderChangeSparkline({ clusterId, now }: { clusterId: string; now: number }) {
  const { data } = useQuery(clusterQueries.events(clusterId, 200));
  if (!data) return <span className="text-xs text-slate-500 dark:text-slate-400">…</span>;
  const counts = leaderChangeBuckets(data, now, SPAN_MS, BUCKETS);
  const total = counts.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...counts);
  const bar = W / BUCKETS;
  return (
    <span className="inline-flex items-center gap-2">
      <svg width={W} height={H} role="img" aria-label={`${total} leader changes in the last hour`}>
        <line
          x1={0}
          y1={H - 0.5}
          x2={W}
          y2={H - 0.5}
          className="stroke-slate-300 dark:stroke-slate-600"
        />
        {counts.map((c, i) =>
          c > 0 ? (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: buckets are positions in time.
              key={i}
              x={i * bar + 1}
              width={bar - 2}
              y={H - (c / max) * (H - 2)}
              height={(c / max) * (H - 2)}
              className="fill-blue-500"
            />
          ) : null,
        )}
      </svg>
      <span className="text-sm tabular-nums">{total}</span>
    </span>
  );
}
