import "server-only";
import type { ClusterPoller, PollerMessage } from "./cluster-poller";

const encoder = new TextEncoder();
/** Proxies close idle connections; a comment line every so often keeps the stream open. */
const KEEPALIVE_MS = 15_000;

// Every viewer receives the same message object: encode it once, not once per viewer.
const frames = new WeakMap<PollerMessage, Uint8Array>();

function frame(msg: PollerMessage): Uint8Array {
  let bytes = frames.get(msg);
  if (!bytes) {
    const data = msg.kind === "health" ? msg.health : msg.event;
    const id = msg.kind === "event" ? `id: ${msg.event.seq}\n` : "";
    bytes = encoder.encode(`${id}event: ${msg.kind}\ndata: ${JSON.stringify(data)}\n\n`);
    frames.set(msg, bytes);
  }
  return bytes;
}

/**
 * Server-sent events for one viewer: the current verdict at once, then every new verdict and
 * event the shared poller publishes. Viewers never cause polls of their own.
 */
export function openHealthStream(poller: ClusterPoller, signal: AbortSignal): Response {
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (msg: PollerMessage) => {
        try {
          controller.enqueue(frame(msg));
        } catch {
          cleanup();
        }
      };
      controller.enqueue(encoder.encode("retry: 1000\n\n"));
      if (poller.health) send({ kind: "health", health: poller.health });
      const off = poller.subscribe(send);
      const keepalive = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(": keepalive\n\n"));
        } catch {
          cleanup();
        }
      }, KEEPALIVE_MS);
      cleanup = () => {
        off();
        clearInterval(keepalive);
      };
      signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed by the runtime.
        }
      });
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
