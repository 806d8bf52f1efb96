import "server-only";
import { request as plainRequest } from "node:http";
import { request } from "node:https";
import { dialTarget } from "./pinned-hosts";
import type { TlsMaterial } from "./tls-material";

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
        ...(tls && url.protocol === "https:" ? { ca: tls.ca, cert: tls.cert, key: tls.key } : {}),
        agent: false,
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
