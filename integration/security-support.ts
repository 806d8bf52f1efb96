import { type ChildProcess, spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { freeLoopbackPorts } from "../harness/loopback-ports";
import { scrubbedEnv } from "../harness/scrubbed-env";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request from a chosen loopback source address (127.0.0.2 is another client to the
 * server), with the request target sent exactly as given: `*`, dot segments and all.
 */
export function call(
  base: string,
  target: string,
  opts: { from?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        path: target,
        method: opts.method ?? "GET",
        headers: opts.headers,
        localAddress: opts.from ?? "127.0.0.1",
        timeout: 60_000,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error(`timeout: ${target}`)));
    req.end(opts.body);
  });
}

export interface StartedServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm start` (scripts/start.mjs, the production server) on a free loopback port. */
export async function startProductionServer(env: Record<string, string>): Promise<StartedServer> {
  const [port] = await freeLoopbackPorts(1);
  const child = spawn(process.execPath, [path.resolve("scripts/start.mjs")], {
    env: scrubbedEnv({ PORT: String(port), HOSTNAME: "127.0.0.1", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (c: Buffer) => {
    output += c.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`start.mjs exited ${child.exitCode}: ${output}`);
    const up = await call(url, "/login").catch(() => undefined);
    if (up) return { url, child, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`start.mjs did not answer: ${output}`);
}
