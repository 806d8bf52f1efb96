import "server-only";
import type { ClusterAlerts as ClusterAlertsView } from "../alerts/alerts-view";
import type { ClusterAlerts } from "./alerts/cluster-alerts";
import type { ClusterPoller, PollerMessage } from "./cluster-poller";
import { isDraining } from "./drain-state";
import { trackStream } from "./open-streams";

type StreamMessage = PollerMessage | { kind: "alerts"; alerts: ClusterAlertsView };

const encoder = new TextEncoder();
/** Proxies close idle connections; a comment line every so often keeps the stream open. */
const KEEPALIVE_MS = 15_000;

// Every viewer receives the same message object: encode it once, not once per viewer.
const frames = new WeakMap<object, Uint8Array>();

function frame(msg: StreamMessage): Uint8Array {
  // Alert states are keyed by their object: every viewer hears the same evaluation.
  const identity = msg.kind === "alerts" ? msg.alerts : msg;
  let bytes = frames.get(identity);
  if (!bytes) {
    const data = msg.kind === "health" ? msg.health : msg.kind === "event" ? msg.event : msg.alerts;
    const id = msg.kind === "event" ? `id: ${msg.event.seq}\n` : "";
    bytes = encoder.encode(`${id}event: ${msg.kind}\ndata: ${JSON.stringify(data)}\n\n`);
    frames.set(identity, bytes);
  }
  return bytes;
}

// setTimeout's longest delay; a later end is checked again then.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * What one stream carries: a cluster's poller and, when the viewer wants it, its rules. With
 * `watch` (a cluster's page, whose charts want full resolution), the poller reads /metrics at
 * its fast interval while the stream is open.
 */
export interface StreamSource {
  poller: Pick<ClusterPoller, "health" | "subscribe">;
  alerts?: ClusterAlerts;
  watch?: () => () => void;
}

/**
 * Server-sent events for one viewer of one or more clusters (a cluster's page, or the overview
 * carrying every cluster on one connection): each cluster's current verdict (and alert rules'
 * state) at once, then every new verdict and event its shared poller publishes and every rule
 * evaluation. A `health` frame's verdict names its cluster in `id`, `event` and `alerts` frames
 * in `clusterId`. Viewers never cause polls or evaluations of their own. With `endsAt` (epoch
 * ms, the session's expiry) the stream closes then: a stream never outlives its login.
 */
export function openHealthStream(
  sources: readonly StreamSource[],
  signal: AbortSignal,
  endsAt?: number,
): Response {
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (msg: StreamMessage) => {
        try {
          controller.enqueue(frame(msg));
        } catch {
          cleanup();
        }
      };
      controller.enqueue(encoder.encode("retry: 1000\n\n"));
      const offs: (() => void)[] = [];
      for (const { poller, alerts, watch } of sources) {
        if (watch) offs.push(watch());
        if (poller.health) send({ kind: "health", health: poller.health });
        if (alerts?.current.evaluatedAt) send({ kind: "alerts", alerts: alerts.current });
        offs.push(poller.subscribe(send));
        if (alerts) offs.push(alerts.subscribe((a) => send({ kind: "alerts", alerts: a })));
      }
      const off = () => {
        for (const o of offs) o();
      };
      const keepalive = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(": keepalive\n\n"));
        } catch {
          cleanup();
        }
      }, KEEPALIVE_MS);
      let untrack = () => {};
      let expiry: NodeJS.Timeout | undefined;
      cleanup = () => {
        off();
        clearInterval(keepalive);
        clearTimeout(expiry);
        untrack();
      };
      const close = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed by the runtime.
        }
      };
      const closeAtEnd = () => {
        if (endsAt === undefined) return;
        const left = endsAt - Date.now();
        if (left <= 0) close();
        else expiry = setTimeout(closeAtEnd, Math.min(left, MAX_TIMER_MS));
      };
      closeAtEnd();
      signal.addEventListener("abort", close);
      // A drain (SIGTERM) ends the stream cleanly; the browser reconnects to another replica.
      untrack = trackStream(close, isDraining());
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
