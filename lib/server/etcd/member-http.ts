import "server-only";
import { Agent as PlainAgent, request as plainRequest } from "node:http";
import { Agent, request } from "node:https";
import { createSecureContext } from "node:tls";
import { dialTarget } from "./pinned-hosts";
import type { TlsMaterial } from "./tls-material";

/** Idle kept-alive connections close after this; scrapes come every few seconds. */
const IDLE_MS = 30_000;

const plainAgent = new PlainAgent({ keepAlive: true, timeout: IDLE_MS, maxFreeSockets: 4 });
const noTlsAgent = new Agent({ keepAlive: true, timeout: IDLE_MS, maxFreeSockets: 4 });
// One agent per certificate set: its TLS context is built once and its connections are reused,
// where a fresh context and handshake per request cost most of a busy poller's CPU. Rotated
// material is a new object, so it gets a new agent; the old one's idle sockets time out.
const agents = new WeakMap<TlsMaterial, Agent>();

function agentFor(tls: TlsMaterial | undefined): Agent {
  if (!tls) return noTlsAgent;
  let agent = agents.get(tls);
  if (!agent) {
    agent = new Agent({
      keepAlive: true,
      timeout: IDLE_MS,
      maxFreeSockets: 4,
      // Given only ca/cert/key, node builds a context per connection.
      secureContext: createSecureContext({ ca: tls.ca, cert: tls.cert, key: tls.key }),
    });
    agents.set(tls, agent);
  }
  return agent;
}

/**
 * GET a path on a member's client URL (/health, /metrics, /version). These need the client
 * certificate on a --client-cert-auth member, so they go over the same mutual TLS.
 */
export function getFromMember(
  clientUrl: string,
  path: string,
  tls: TlsMaterial | undefined,
  deadlineMs: number,
): Promise<string> {
  const url = new URL(path, `${clientUrl}/`);
  const target = dialTarget(clientUrl);
  const dialed = new URL(path, `${target.url.origin}/`);
  const send = url.protocol === "https:" ? request : plainRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      dialed,
      {
        method: "GET",
        // TLS verifies the member against the name even when dialing a pinned address.
        ...(target.serverName && url.protocol === "https:"
          ? { servername: target.serverName, headers: { host: url.host } }
          : {}),
        signal: AbortSignal.timeout(deadlineMs),
        agent: url.protocol === "https:" ? agentFor(tls) : plainAgent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          if (res.statusCode && res.statusCode >= 200 && res.statusCode < 300) resolve(body);
          else
            reject(
              new Error(`${url.pathname} answered HTTP ${res.statusCode}: ${body.slice(0, 200)}`),
            );
        });
        res.on("error", reject);
      },
    );
    req.on("error", (err) =>
      reject(
        err.name === "AbortError" || err.name === "TimeoutError"
          ? new Error(`${url.pathname} timed out after ${deadlineMs} ms`)
          : err,
      ),
    );
    req.end();
  });
}
