import "server-only";
import { Agent as PlainAgent, request as plainRequest } from "node:http";
import { Agent, request } from "node:https";
import { createSecureContext } from "node:tls";
import { dialTarget } from "./pinned-hosts";
import type { TlsMaterial } from "./tls-material";

/**
 * Idle kept-alive connections close after this: longer than the longest gap between two
 * requests to a member at the default intervals (/health every 30 s, background /metrics every
 * 10 s), so that no request pays a new TLS handshake on both sides.
 */
const IDLE_MS = 65_000;

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

/** Bodies larger than this are cut: /metrics of a busy member is a few hundred KiB. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface MemberHttpAnswer {
  statusCode: number;
  body: string;
}

/**
 * How long a request past its deadline may still finish, its answer read and dropped, before
 * its connection is destroyed. Destroying it at the deadline would make the next request dial
 * and handshake again: on a busy Raftscope, whose own lag made the request late, every
 * scrape would then cost a TLS handshake on both sides, and be later still.
 */
export const LINGER_MS = 5_000;

/**
 * GET a path on a member's client URL and resolve with its status code and body, whatever the
 * code (/readyz answers 503 with the failing checks in its body). These need the client
 * certificate on a --client-cert-auth member, so they go over the same mutual TLS. Rejects on
 * a network error, or with "<path> timed out after N ms" past `deadlineMs`; the connection
 * then gets `LINGER_MS` more to finish, so that a late answer leaves it open for the next call.
 */
export function requestFromMember(
  clientUrl: string,
  path: string,
  tls: TlsMaterial | undefined,
  deadlineMs: number,
): Promise<MemberHttpAnswer> {
  const url = new URL(path, `${clientUrl}/`);
  const target = dialTarget(clientUrl);
  const dialed = new URL(path, `${target.url.origin}/`);
  const send = url.protocol === "https:" ? request : plainRequest;
  return new Promise((resolve, reject) => {
    let settled = false;
    let linger: NodeJS.Timeout | undefined;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      finish();
    };
    const req = send(
      dialed,
      {
        method: "GET",
        // TLS verifies the member against the name even when dialing a pinned address.
        ...(target.serverName && url.protocol === "https:"
          ? { servername: target.serverName, headers: { host: url.host } }
          : {}),
        agent: url.protocol === "https:" ? agentFor(tls) : plainAgent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          // A late answer is read to its end only to free the connection.
          if (!settled && size <= MAX_BODY_BYTES) chunks.push(c);
        });
        res.on("end", () => {
          clearTimeout(linger);
          settle(() =>
            resolve({
              statusCode: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8"),
            }),
          );
        });
        res.on("error", (err) => settle(() => reject(err)));
      },
    );
    const deadline = setTimeout(() => {
      settle(() => reject(new Error(`${url.pathname} timed out after ${deadlineMs} ms`)));
      linger = setTimeout(() => req.destroy(), LINGER_MS);
      linger.unref();
    }, deadlineMs);
    req.on("error", (err) => {
      clearTimeout(linger);
      settle(() => reject(err));
    });
    req.end();
  });
}

/**
 * GET a path on a member's client URL (/health, /metrics, /version) and resolve with the body
 * of a 2xx answer; any other status rejects naming the path and the code.
 */
export async function getFromMember(
  clientUrl: string,
  path: string,
  tls: TlsMaterial | undefined,
  deadlineMs: number,
): Promise<string> {
  const { statusCode, body } = await requestFromMember(clientUrl, path, tls, deadlineMs);
  if (statusCode >= 200 && statusCode < 300) return body;
  const pathname = new URL(path, "http://member").pathname;
  throw new Error(`${pathname} answered HTTP ${statusCode}: ${body.slice(0, 200)}`);
}
