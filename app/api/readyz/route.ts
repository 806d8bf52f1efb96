import { probeResponse } from "@/lib/api/probe-response";
import { isReady } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return probeResponse(isReady());
}
