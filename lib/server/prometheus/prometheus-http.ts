import "server-only";
import { readFileSync } from "node:fs";
import { request as plainRequest } from "node:http";
import { request } from "node:https";
import type { PrometheusSource } from "../../config/prometheus-source-schema";
import { RaftscopeError } from "../../errors";

/** A query API answer larger than this is refused rather than parsed. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Reads TLS files and the bearer token at each call, so rotated files are picked up. */
function credentials(source: PrometheusSource) {
  const read = (file: string | undefined) =>
    file === undefined ? undefined : readFileSync(/*turbopackIgnore: true*/ file);
  return {
    tls: {
      ca: read(source.tls?.ca),
      cert: read(source.tls?.cert),
      key: read(source.tls?.key),
    },
    bearer: source.bearer
      ? readFileSync(/*turbopackIgnore: true*/ source.bearer.file, "utf8").trim()
      : undefined,
  };
}

/**
 * GET `path` (with its query) on the source's Prometheus and return the body as JSON, within
 * the source's deadline and at most 32 MiB. Node's https client rather than fetch: fetch has no
 * per-request CA and client certificate. Throws PROMETHEUS_UNAVAILABLE naming the path and why;
 * the bearer token and key never appear in a message.
 */
export function getPrometheusJson(source: PrometheusSource, path: string): Promise<unknown> {
  const url = new URL(path, `${source.url}/`);
  const { tls, bearer } = credentials(source);
  const send = url.protocol === "https:" ? request : plainRequest;
  const fail = (why: string) =>
    new RaftscopeError("PROMETHEUS_UNAVAILABLE", `Prometheus ${url.pathname}: ${why}`);
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: "GET",
        signal: AbortSignal.timeout(source.deadlineMs),
        headers: {
          accept: "application/json",
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
        ...(url.protocol === "https:" ? tls : {}),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > MAX_BODY_BYTES) {
            req.destroy(fail(`answer larger than ${MAX_BODY_BYTES} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            reject(fail(`HTTP ${res.statusCode} with a body that is not JSON`));
            return;
          }
          // The query API answers 400/422/503 with {status:"error", error} worth passing on.
          resolve(body);
        });
        res.on("error", (err) => reject(fail(err.message)));
      },
    );
    req.on("error", (err) =>
      reject(
        err instanceof RaftscopeError
          ? err
          : fail(
              err.name === "AbortError" || err.name === "TimeoutError"
                ? `no answer within ${source.deadlineMs} ms`
                : err.message,
            ),
      ),
    );
    req.end();
  });
}
