import { probeResponse } from "@/lib/api/probe-response";

export const dynamic = "force-dynamic";

/** Liveness: the process answers HTTP. It stays ok while draining, so kubelet does not restart it. */
export function GET(): Response {
  return probeResponse(true);
}
