import {
  historyQuerySchema,
  historyWindows,
  isPrometheusWindow,
  parseQuery,
} from "@/lib/api/query-schemas";
import { BadRequestError } from "@/lib/errors";
import { buildHistory } from "@/lib/history/build-history";
import type { HistoryPoint } from "@/lib/history/history-point";
import type { HistoryRing } from "@/lib/history/history-ring";
import { prometheusHistory } from "@/lib/server/prometheus/prometheus-history";
import { handleRoute } from "@/lib/server/route-handler";
import { getPoller } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const poller = getPoller(id);
  const { window, points } = parseQuery(historyQuerySchema, new URL(req.url).searchParams);
  const now = Date.now();
  const members = poller.health?.members ?? [];
  let history: HistoryRing | HistoryPoint[] = poller.history;
  if (isPrometheusWindow(window)) {
    const source = poller.config.prometheus;
    if (!source) {
      throw new BadRequestError(
        `window ${window} reads from Prometheus, and cluster "${id}" has no prometheus source in the config`,
      );
    }
    history = await prometheusHistory({
      clusterId: id,
      source,
      members,
      spanMs: historyWindows[window],
      maxPoints: points,
      nowMs: now,
    });
  }
  return Response.json(
    buildHistory({
      clusterId: id,
      history,
      members,
      now,
      window,
      maxPoints: points,
    }),
  );
});
