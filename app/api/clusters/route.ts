import { summarize } from "@/lib/api/cluster-summary";
import { handleRoute } from "@/lib/server/route-handler";
import { currentHealth, getRuntime } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => {
  const pollers = [...getRuntime().pollers.values()];
  const healths = await Promise.all(pollers.map(currentHealth));
  return Response.json(healths.map(summarize));
});
