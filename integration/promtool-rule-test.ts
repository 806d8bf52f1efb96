import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { MixinRule } from "../lib/alerts/mixin-rule";
import type { FixtureScrape } from "../lib/test-factories/alert-fixtures";

const run = promisify(execFile);

/** A firing alert at one evaluation time: its rule's name and its labels. */
export interface FiringAlert {
  alertname: string;
  labels: Record<string, string>;
}

const seconds = (ms: number) => `${ms / 1000}s`;

/**
 * The scrapes as promtool `input_series`: one value per `intervalMs` step from time 0, `_`
 * where a series was not scraped, `stale` where its scrape failed (Prometheus's stale
 * marker), and `up` 1 or 0 per scrape. Scrapes must fall on the steps.
 */
function inputSeries(scrapes: readonly FixtureScrape[], intervalMs: number) {
  const steps = Math.max(...scrapes.map((s) => s.at)) / intervalMs + 1;
  const series = new Map<string, string[]>();
  const cell = (key: string) => {
    let values = series.get(key);
    if (!values) {
      values = Array.from({ length: steps }, () => "_");
      series.set(key, values);
    }
    return values;
  };
  const selector = (name: string, labels: Readonly<Record<string, string>>) =>
    `${name}{${Object.entries(labels)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(",")}}`;
  const known = new Map<string, Set<string>>();
  for (const s of [...scrapes].sort((a, b) => a.at - b.at)) {
    const step = s.at / intervalMs;
    if (!Number.isInteger(step))
      throw new Error(`scrape at ${s.at} ms is off the ${intervalMs} ms grid`);
    const target = { job: "etcd", instance: s.memberId };
    cell(selector("up", target))[step] = s.series ? "1" : "0";
    const mine = known.get(s.memberId) ?? new Set<string>();
    known.set(s.memberId, mine);
    const seen = new Set<string>();
    for (const x of s.series ?? []) {
      const key = selector(x.name, { ...x.labels, ...target });
      cell(key)[step] = `${x.value}`;
      mine.add(key);
      seen.add(key);
    }
    // Everything this member exposed before and not now went stale, as after a failed scrape.
    for (const key of mine) if (!seen.has(key)) cell(key)[step] = "stale";
  }
  return [...series].map(([key, values]) => ({ series: key, values: values.join(" ") }));
}

/**
 * Runs `promtool test rules` on the mixin rules over the scrapes, evaluated every
 * `intervalMs` from time 0, and checks that at each of `checks` exactly the given alerts fire,
 * as Prometheus's own rule manager decides with its pending and firing states. Resolves with
 * promtool's output; rejects with it when an expectation is not what Prometheus computes.
 */
export async function promtoolCheckAlerts(
  rules: readonly MixinRule[],
  scrapes: readonly FixtureScrape[],
  intervalMs: number,
  checks: ReadonlyMap<number, readonly FiringAlert[]>,
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "raftscope-promtool-"));
  try {
    const ruleFile = {
      groups: [
        {
          name: "etcd",
          rules: rules.map((r) => ({
            alert: r.name,
            expr: r.expr,
            for: seconds(r.forMs),
            labels: { severity: r.severity },
          })),
        },
      ],
    };
    const names = [...new Set(rules.map((r) => r.name))];
    const test = {
      rule_files: ["rules.json"],
      evaluation_interval: seconds(intervalMs),
      tests: [
        {
          interval: seconds(intervalMs),
          input_series: inputSeries(scrapes, intervalMs),
          alert_rule_test: [...checks].flatMap(([t, firing]) =>
            names.map((alertname) => ({
              eval_time: seconds(t),
              alertname,
              exp_alerts: firing
                .filter((a) => a.alertname === alertname)
                .map((a) => ({ exp_labels: a.labels })),
            })),
          ),
        },
      ],
    };
    await writeFile(path.join(dir, "rules.json"), JSON.stringify(ruleFile));
    await writeFile(path.join(dir, "test.json"), JSON.stringify(test));
    const { stdout, stderr } = await run("promtool", ["test", "rules", "test.json"], {
      cwd: dir,
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((err: { stdout?: string; stderr?: string }) => {
      throw new Error(
        `promtool test rules failed:\n${err.stdout ?? ""}\n${err.stderr ?? ""}`.slice(0, 8000),
      );
    });
    return `${stdout}${stderr}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
