import type { LastDefrag } from "@/lib/defrag/defrag-advice";
import { formatSeconds } from "@/lib/format/format-seconds";

/** "took 1.2 s", "none since start", "mean 0.8 s over 3". */
export function lastDefragText(last: LastDefrag): string {
  switch (last.kind) {
    case "unknown":
      return "not reported";
    case "none":
      return "none since start";
    case "exact":
      return `took ${formatSeconds(last.seconds)}`;
    case "mean":
      return `mean ${formatSeconds(last.seconds)} over ${last.count}`;
  }
}
