import { NotFoundError } from "@/lib/errors";
import { getFleetSettings } from "@/lib/server/fleet/fleet-settings";
import { readFleet } from "@/lib/server/fleet/read-fleet";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

/** Every cluster the fleet's Prometheus knows from Raftscope's series (RAFTSCOPE_FLEET_PROMETHEUS). */
export const GET = handleRoute(async () => {
  const settings = getFleetSettings();
  if (!settings)
    throw new NotFoundError("Fleet mode is off: RAFTSCOPE_FLEET_PROMETHEUS is not set");
  return Response.json(await readFleet(settings));
});
