import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freeLoopbackPorts } from "../harness/loopback-ports";
import type { VectorSample } from "../lib/alerts/promql/instant-vector";
import type { FixtureScrape } from "../lib/test-factories/alert-fixtures";

const run = promisify(execFile);

const escapeLabel = (v: string) =>
  v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

function seriesLine(
  name: string,
  labels: Record<string, string>,
  value: number,
  at: number,
): string {
  const body = Object.entries(labels)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(",");
  const text = Number.isNaN(value)
    ? "NaN"
    : Number.isFinite(value)
      ? `${value}`
      : value > 0
        ? "+Inf"
        : "-Inf";
  return `${name}{${body}} ${text} ${(at / 1000).toFixed(3)}`;
}

/**
 * The scrapes as OpenMetrics with timestamps, what Prometheus's TSDB would hold after scraping
 * them with job "etcd": every series with `job` and `instance`, and `up` 1 or 0 per scrape.
 * A failed scrape has only `up 0`: a backfill cannot write Prometheus's stale markers.
 */
export function toOpenMetrics(scrapes: readonly FixtureScrape[]): string {
  const lines = new Map<string, string[]>();
  const add = (name: string, labels: Record<string, string>, value: number, at: number) => {
    const key = `${name}${JSON.stringify(labels)}`;
    const list = lines.get(key) ?? [];
    list.push(seriesLine(name, labels, value, at));
    lines.set(key, list);
  };
  const sorted = [...scrapes].sort((a, b) => a.at - b.at);
  for (const s of sorted) {
    const target = { job: "etcd", instance: s.memberId };
    add("up", target, s.series ? 1 : 0, s.at);
    for (const x of s.series ?? []) add(x.name, { ...x.labels, ...target }, x.value, s.at);
  }
  // OpenMetrics wants each metric family's lines together.
  const keys = [...lines.keys()].sort();
  return `${keys.flatMap((k) => lines.get(k) ?? []).join("\n")}\n# EOF\n`;
}

/** A real Prometheus (Debian's) serving queries over the fixture's samples on loopback. */
export interface PrometheusReference {
  query(expr: string, at: number): Promise<VectorSample[]>;
  stop(): Promise<void>;
}

/**
 * Backfills the scrapes with `promtool tsdb create-blocks-from openmetrics` and starts
 * `prometheus` on a free loopback port over those blocks. Stop it when done.
 */
export async function startPrometheusReference(
  scrapes: readonly FixtureScrape[],
): Promise<PrometheusReference> {
  const dir = await mkdtemp(path.join(tmpdir(), "raftscope-prometheus-"));
  const input = path.join(dir, "samples.om");
  const data = path.join(dir, "data");
  await writeFile(input, toOpenMetrics(scrapes));
  await run("promtool", ["tsdb", "create-blocks-from", "openmetrics", input, data], {
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const config = path.join(dir, "prometheus.yml");
  await writeFile(config, "global: {}\n");
  const [port] = await freeLoopbackPorts(1);
  const child: ChildProcess = spawn(
    "prometheus",
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${data}`,
      "--storage.tsdb.retention.time=100y",
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${base}/-/ready`, { signal: AbortSignal.timeout(1000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus did not become ready: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    stop,
    async query(expr, at) {
      const url = `${base}/api/v1/query?query=${encodeURIComponent(expr)}&time=${at / 1000}`;
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      const body = (await res.json()) as {
        status: string;
        error?: string;
        data?: {
          resultType: string;
          result: { metric: Record<string, string>; value: [number, string] }[];
        };
      };
      if (body.status !== "success" || body.data?.resultType !== "vector") {
        throw new Error(`prometheus rejected ${expr}: ${body.error ?? JSON.stringify(body)}`);
      }
      return body.data.result.map(({ metric, value }) => {
        const { __name__: _, ...labels } = metric;
        const text = value[1];
        const v = text === "+Inf" ? Infinity : text === "-Inf" ? -Infinity : Number(text);
        return { labels, value: v };
      });
    },
  };
}
