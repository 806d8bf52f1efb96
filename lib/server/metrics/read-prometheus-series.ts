import "server-only";
import parsePrometheusTextFormat, { type PrometheusTextFamily } from "parse-prometheus-text-format";
import type { LineMatch } from "../../metrics/etcd-metrics";
import { MetricsParseError } from "../../metrics/metrics-parse-error";
import { parsePrometheusValue } from "./parse-prometheus-value";

/**
 * The metric names to read, each with the line matches one of which its lines must satisfy
 * (for each group, contain one of its texts), or undefined to read all of its lines.
 */
export type SeriesFilter = ReadonlyMap<string, readonly LineMatch[] | undefined>;

function matches(line: string, alternatives: readonly LineMatch[]): boolean {
  return alternatives.some((groups) =>
    groups.every((texts) => texts.some((t) => line.includes(t))),
  );
}

/** One line of exposition: a metric name, its labels and its value. */
export interface PrometheusSeries {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TIMESTAMP = /^-?\d+$/;
/** The shape of a sample line: name, optional labels, value, optional timestamp. */
const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{.*\})?[ \t]+\S+(?:[ \t]+-?\d+)?$/;

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

// Only sample lines go to the parser. Raftscope reads series by name and needs neither HELP
// nor TYPE, and without them parse-prometheus-text-format 1.1 cannot trip: given a histogram
// TYPE it folds the family into one bucket map keyed by `le` alone, merging the per-peer
// round-trip series and dropping labelled _sum and _count; it rejects a HELP line with empty
// text and reads "#comment" as a sample. It also drops, silently, a sample without a metric
// name (so a JSON body parses as nothing) and the last sample of a body with no final newline.
// With `wanted`, lines of other metrics are skipped before parsing (most of an etcd body),
// after a check of their shape so that a body that is not Prometheus text still fails.
function sampleLines(text: string, wanted: SeriesFilter | undefined): string {
  const seen = new Set<string>();
  const kept = text.split("\n").filter((line) => {
    const trimmed = line.trim();
    if (trimmed.startsWith("{")) {
      throw new MetricsParseError(`A sample has no metric name: ${quote(trimmed)}`);
    }
    if (trimmed === "" || trimmed.startsWith("#")) return false;
    if (!wanted) return true;
    const name = SAMPLE_LINE.exec(trimmed)?.[1];
    if (name === undefined) throw new MetricsParseError(`Not Prometheus text: ${quote(trimmed)}`);
    if (!wanted.has(name)) return false;
    const alternatives = wanted.get(name);
    // A family's first line is always kept: exposed with no matching line is not absent.
    const keep = alternatives === undefined || !seen.has(name) || matches(trimmed, alternatives);
    seen.add(name);
    return keep;
  });
  return `${kept.join("\n")}\n`;
}

function toSeries(family: PrometheusTextFamily): PrometheusSeries[] {
  if (!METRIC_NAME.test(family.name)) {
    throw new MetricsParseError(`Invalid metric name ${quote(family.name)}`);
  }
  return family.metrics.map((sample) => {
    const labels = sample.labels ?? {};
    const badLabel = Object.keys(labels).find((label) => !LABEL_NAME.test(label));
    if (badLabel !== undefined) {
      throw new MetricsParseError(`${family.name} has an invalid label name ${quote(badLabel)}`);
    }
    const value = sample.value === undefined ? undefined : parsePrometheusValue(sample.value);
    if (value === undefined) {
      throw new MetricsParseError(
        `${family.name} has ${sample.value ? `a non-numeric value ${quote(sample.value)}` : "no value"}`,
      );
    }
    if (sample.timestamp_ms !== undefined && !TIMESTAMP.test(sample.timestamp_ms)) {
      throw new MetricsParseError(
        `${family.name} has an invalid timestamp ${quote(sample.timestamp_ms)}`,
      );
    }
    return { name: family.name, labels, value };
  });
}

/**
 * Splits a /metrics body into series, one per exposition line; with `wanted`, only the
 * series of those metric names. Throws MetricsParseError naming the line, metric or label when
 * the body is not Prometheus text.
 */
export function readPrometheusSeries(text: string, wanted?: SeriesFilter): PrometheusSeries[] {
  const lines = sampleLines(text, wanted);
  let families: PrometheusTextFamily[];
  try {
    families = parsePrometheusTextFormat(lines);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new MetricsParseError(`Not Prometheus text: ${quote(reason)}`, { cause: err });
  }
  return families.flatMap(toSeries);
}
