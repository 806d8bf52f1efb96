import type { ClusterHealth } from "../lib/health/cluster-health";
import type { ClusterPoller } from "../lib/server/cluster-poller";

/** Waits until the poller's verdict passes `check`, and returns it; fails with the last verdict. */
export async function until(
  poller: ClusterPoller,
  check: (h: ClusterHealth) => boolean,
  timeoutMs = 20_000,
): Promise<ClusterHealth> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const h = poller.health;
    if (h && check(h)) return h;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(poller.health)}`);
}
