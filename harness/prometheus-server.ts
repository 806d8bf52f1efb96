import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { sleep } from "./deadline";
import { HarnessError } from "./harness-error";
import { freeLoopbackPorts } from "./loopback-ports";

/** Debian's `prometheus` package; scripts/ensure-deps.sh installs it. */
export const PROMETHEUS_BIN = "/usr/bin/prometheus";
export const PROMTOOL_BIN = "/usr/bin/promtool";

const READY_TIMEOUT_MS = 60_000;
const QUERY_TIMEOUT_MS = 10_000;

/** One sample of an instant vector from /api/v1/query. */
export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

export interface PrometheusServer {
  url: string;
  process: ChildProcess;
  logFile: string;
  /** Evaluates `promql` now; throws on a Prometheus error. */
  query(promql: string): Promise<PromSample[]>;
  /** Polls `promql` until `check` passes on its result, then returns that result. */
  waitFor(
    promql: string,
    check: (samples: PromSample[]) => boolean,
    timeoutMs?: number,
  ): Promise<PromSample[]>;
  /** Rewrites the scrape configs and reloads them (SIGHUP), for targets started after Prometheus. */
  setScrapeConfigs(scrapeConfigs: Record<string, unknown>[]): void;
  stop(): Promise<void>;
}

/**
 * A real Prometheus on a free loopback port with `scrapeConfigs` (Prometheus' own
 * `scrape_configs` entries) and `ruleFiles`, evaluating every second, its data under `dir`.
 * Resolves once /-/ready answers.
 */
export async function startPrometheus(opts: {
  dir: string;
  scrapeConfigs: Record<string, unknown>[];
  ruleFiles?: string[];
}): Promise<PrometheusServer> {
  mkdirSync(opts.dir, { recursive: true });
  const [port] = await freeLoopbackPorts(1);
  if (!port) throw new HarnessError("INVALID_STATE", "no free loopback port for Prometheus");
  const configFile = path.join(opts.dir, "prometheus.yml");
  const writeConfig = (scrapeConfigs: Record<string, unknown>[]) =>
    writeFileSync(
      configFile,
      stringify({
        global: { scrape_interval: "1s", scrape_timeout: "1s", evaluation_interval: "1s" },
        rule_files: opts.ruleFiles ?? [],
        scrape_configs: scrapeConfigs,
      }),
    );
  writeConfig(opts.scrapeConfigs);
  const logFile = path.join(opts.dir, "prometheus.log");
  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(opts.dir, "tsdb")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--log.level=warn",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  process.once("exit", () => child.kill("SIGKILL"));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };

  const query = async (promql: string): Promise<PromSample[]> => {
    const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`, {
      signal: AbortSignal.timeout(QUERY_TIMEOUT_MS),
    });
    const body = (await res.json()) as {
      status: string;
      error?: string;
      data?: {
        resultType: string;
        result: { metric: Record<string, string>; value: [number, string] }[];
      };
    };
    if (body.status !== "success" || body.data?.resultType !== "vector") {
      throw new HarnessError(
        "INVALID_STATE",
        `query ${promql} failed: ${body.error ?? res.status}`,
      );
    }
    return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
  };

  const waitFor = async (
    promql: string,
    check: (samples: PromSample[]) => boolean,
    timeoutMs = 30_000,
  ): Promise<PromSample[]> => {
    const deadline = Date.now() + timeoutMs;
    let last: PromSample[] = [];
    while (Date.now() < deadline) {
      last = await query(promql);
      if (check(last)) return last;
      await sleep(500);
    }
    throw new HarnessError(
      "TIMEOUT",
      `${promql} did not pass within ${timeoutMs / 1000} s; last: ${JSON.stringify(last)}`,
    );
  };

  const started = Date.now();
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (child.exitCode !== null) {
      throw new HarnessError(
        "INVALID_STATE",
        `prometheus exited with code ${child.exitCode}; see ${logFile}`,
      );
    }
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) {
        const setScrapeConfigs = (configs: Record<string, unknown>[]) => {
          writeConfig(configs);
          child.kill("SIGHUP");
        };
        return { url, process: child, logFile, query, waitFor, setScrapeConfigs, stop };
      }
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  await stop();
  throw new HarnessError("TIMEOUT", `prometheus was not ready within 60 s; see ${logFile}`);
}
