import "server-only";
import type { LineMatch } from "../../metrics/etcd-metrics";
import { MetricsParseError } from "../../metrics/metrics-parse-error";
import { parsePrometheusValue } from "./parse-prometheus-value";

/**
 * The metric names to read, each with the line matches one of which its lines must satisfy
 * (for each group, contain one of its texts), or undefined to read all of its lines.
 */
export type SeriesFilter = ReadonlyMap<string, readonly LineMatch[] | undefined>;

/** One line of exposition: a metric name, its labels and its value. */
export interface PrometheusSeries {
  name: string;
  /** Shared by every scrape that exposes the same series: never modified. */
  labels: Readonly<Record<string, string>>;
  value: number;
  /**
   * The label text as exposed, between the braces ("" without labels): an exporter writes a
   * series' labels the same way every scrape, so this identifies it within one target.
   * Always set by readPrometheusSeries.
   */
  key?: string;
}

const TIMESTAMP = /^-?\d+$/;

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

function matches(line: string, alternatives: readonly LineMatch[]): boolean {
  return alternatives.some((groups) =>
    groups.every((texts) => texts.some((t) => line.includes(t))),
  );
}

// Character classes of the text format (exposition_formats.md): [a-zA-Z_:][a-zA-Z0-9_:]* for
// metric names, the same without ':' for label names.
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isBlank = (c: number) => c === 32 || c === 9;
const COLON = 58;

/** The end of the name starting at `from` (`from` itself when there is none). */
function nameEnd(line: string, from: number, colons: boolean): number {
  let i = from;
  const first = line.charCodeAt(i);
  if (!(isLetter(first) || (colons && first === COLON))) return i;
  i++;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (!(isLetter(c) || isDigit(c) || (colons && c === COLON))) break;
  }
  return i;
}

/**
 * Whether a line skipped unread (from its name's end `stop` to `end`) still has a sample's
 * shape: optional labels, a blank, a value and an optional integer timestamp.
 */
function sampleShaped(text: string, stop: number, end: number): boolean {
  let i = stop;
  if (text.charCodeAt(i) === 123 /* { */) {
    const close = text.lastIndexOf("}", end - 1);
    if (close < stop) return false;
    i = close + 1;
  }
  if (!isBlank(text.charCodeAt(i))) return false;
  i = skipBlanks(text, i);
  const valueAt = i;
  while (i < end && !isBlank(text.charCodeAt(i))) i++;
  if (i === valueAt) return false;
  i = skipBlanks(text, i);
  if (i >= end) return true;
  if (text.charCodeAt(i) === 45 /* - */) i++;
  const stampAt = i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  return i > stampAt && skipBlanks(text, i) >= end;
}

/** Whether the line ending at `end` ends in a blank and the value 0, as Go writes a zero. */
function endsInZero(text: string, end: number): boolean {
  return text.charCodeAt(end - 1) === 48 && isBlank(text.charCodeAt(end - 2));
}

function skipBlanks(line: string, from: number): number {
  let i = from;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  return i;
}

/** The token starting at `from`: up to a blank, or up to one of `stops`. */
function tokenAt(line: string, from: number, stops = ""): string {
  let i = from;
  while (i < line.length && !isBlank(line.charCodeAt(i)) && !stops.includes(line[i] as string)) i++;
  return line.slice(from, i);
}

function setLabel(labels: Record<string, string>, name: string, value: string): void {
  // "__proto__" is a valid label name; as a plain assignment it would set the prototype.
  if (name === "__proto__") {
    Object.defineProperty(labels, name, { value, enumerable: true, writable: true });
  } else {
    labels[name] = value;
  }
}

/**
 * Reads `{name="value",...}` starting at the `{` at `open`; returns the index after the `}`.
 * Label values may hold \\, \" and \n escapes, and any character including `}` and `,`.
 */
function readLabels(
  line: string,
  open: number,
  metric: string,
  labels: Record<string, string>,
): number {
  const broken = () => new MetricsParseError(`Not Prometheus text: ${quote(line)}`);
  let i = skipBlanks(line, open + 1);
  while (line.charCodeAt(i) !== 125 /* } */) {
    const end = nameEnd(line, i, false);
    if (end === i) {
      const token = tokenAt(line, i, "=,}");
      if (token === "") throw broken();
      throw new MetricsParseError(`${metric} has an invalid label name ${quote(token)}`);
    }
    const name = line.slice(i, end);
    i = skipBlanks(line, end);
    if (line.charCodeAt(i) !== 61 /* = */) throw broken();
    i = skipBlanks(line, i + 1);
    if (line.charCodeAt(i) !== 34 /* " */) throw broken();
    i++;
    let value = "";
    let from = i;
    for (;;) {
      if (i >= line.length) throw broken();
      const c = line.charCodeAt(i);
      if (c === 34) break;
      if (c === 92 /* \ */) {
        const next = line[i + 1];
        if (next !== "\\" && next !== '"' && next !== "n") throw broken();
        value += `${line.slice(from, i)}${next === "n" ? "\n" : next}`;
        i += 2;
        from = i;
      } else {
        i++;
      }
    }
    value += line.slice(from, i);
    setLabel(labels, name, value);
    i = skipBlanks(line, i + 1);
    const c = line.charCodeAt(i);
    if (c === 44 /* , */) i = skipBlanks(line, i + 1);
    else if (c !== 125) throw broken();
  }
  return i + 1;
}

interface SeriesIdentity {
  name: string;
  labels: Readonly<Record<string, string>>;
  key: string;
}

// A member exposes the same series every scrape, and the members of a cluster (and of every
// cluster) mostly the same ones: a line's name and labels, up to the closing brace, are read
// once and shared, frozen, by every later line that spells them the same. This is most of what
// reading a body costs. Bounded: emptied when full (a few thousand entries per etcd version).
const identities = new Map<string, SeriesIdentity>();
const MAX_IDENTITIES = 100_000;

function identityOf(line: string, nameStop: number): { identity: SeriesIdentity; end: number } {
  if (line.charCodeAt(nameStop) !== 123 /* { */) {
    const name = line.slice(0, nameStop);
    return { identity: { name, labels: {}, key: "" }, end: nameStop };
  }
  // Label values may hold "}", but the value and timestamp after the labels never do.
  const close = line.lastIndexOf("}");
  const head = close > nameStop ? line.slice(0, close + 1) : undefined;
  const known = head === undefined ? undefined : identities.get(head);
  if (known) return { identity: known, end: close + 1 };
  const name = line.slice(0, nameStop);
  const labels: Record<string, string> = {};
  const end = readLabels(line, nameStop, name, labels);
  const identity = { name, labels: Object.freeze(labels), key: line.slice(nameStop + 1, end - 1) };
  if (head !== undefined && end === close + 1) {
    if (identities.size >= MAX_IDENTITIES) identities.clear();
    identities.set(head, identity);
  }
  return { identity, end };
}

/** One sample line, whole: name, labels, value and optional timestamp. */
function readSample(line: string, nameStop: number): PrometheusSeries {
  const { identity, end: i } = identityOf(line, nameStop);
  const { name, labels, key } = identity;
  const valueAt = skipBlanks(line, i);
  if (valueAt === line.length) throw new MetricsParseError(`${name} has no value`);
  if (valueAt === i) throw new MetricsParseError(`Not Prometheus text: ${quote(line)}`);
  const token = tokenAt(line, valueAt);
  const value = parsePrometheusValue(token);
  if (value === undefined) {
    throw new MetricsParseError(`${name} has a non-numeric value ${quote(token)}`);
  }
  const stampAt = skipBlanks(line, valueAt + token.length);
  if (stampAt < line.length) {
    const stamp = tokenAt(line, stampAt);
    if (!TIMESTAMP.test(stamp)) {
      throw new MetricsParseError(`${name} has an invalid timestamp ${quote(stamp)}`);
    }
    if (skipBlanks(line, stampAt + stamp.length) < line.length) {
      throw new MetricsParseError(`Not Prometheus text: ${quote(line)}`);
    }
  }
  return { name, labels, value, key };
}

/**
 * Splits a /metrics body in the Prometheus text format (exposition_formats.md, version 0.0.4)
 * into series, one per sample line; with `wanted`, only the series of those metric names, and
 * of a name with line matches only the lines that satisfy one (its first line is always kept:
 * exposed with no matching line is not absent). HELP, TYPE and other comments are skipped:
 * series are read by name. Lines of other metrics are checked only for a valid metric name,
 * so that a body that is not Prometheus text (HTML, JSON) still fails. With `zeroFilled` (and
 * `wanted`), lines of those families whose value is 0 are skipped too, but for the first
 * (lib/alerts/scraped-series.ts says when that is faithful). Accepts LF and CRLF
 * line ends and a last line without one. Throws MetricsParseError naming the line, metric,
 * label or value that is wrong.
 *
 * Written here rather than taken from parse-prometheus-text-format, which it replaced: at one
 * member's 1,500-line body per scrape it was most of a poller's CPU (bench/scale.ts), and it
 * merged labelled histogram series by `le` when given TYPE lines. Its test compares the two
 * on captured etcd bodies.
 */
export function readPrometheusSeries(
  text: string,
  wanted?: SeriesFilter,
  zeroFilled?: ReadonlySet<string>,
): PrometheusSeries[] {
  const out: PrometheusSeries[] = [];
  const seen = wanted ? new Set<string>() : undefined;
  // The name of the line before, and what `wanted` and `zeroFilled` say of it.
  let previous = "";
  let read = false;
  let alternatives: readonly LineMatch[] | undefined;
  let zeros = false;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    let from = start;
    while (from < end && isBlank(text.charCodeAt(from))) from++;
    start = next;
    const first = text.charCodeAt(from);
    if (from === end || first === 35 /* # */) continue;
    if (first === 123 /* { */) {
      throw new MetricsParseError(
        `A sample has no metric name: ${quote(text.slice(from, end).trim())}`,
      );
    }
    // A family's lines come together: most lines repeat the name before them, which then
    // needs neither reading nor looking up again.
    const afterPrevious = text.charCodeAt(from + previous.length);
    const sameName =
      previous !== "" &&
      (afterPrevious === 123 || isBlank(afterPrevious)) &&
      text.startsWith(previous, from);
    const stop = sameName ? from + previous.length : nameEnd(text, from, true);
    if (!sameName) {
      const after = text.charCodeAt(stop);
      if (stop === from || (stop < end && after !== 123 && !isBlank(after))) {
        throw new MetricsParseError(
          `Invalid metric name ${quote(tokenAt(text.slice(from, end), 0, "{"))}`,
        );
      }
    }
    if (seen && wanted) {
      if (!sameName) {
        previous = text.slice(from, stop);
        read = wanted.has(previous);
        alternatives = wanted.get(previous);
        zeros = zeroFilled?.has(previous) === true;
        // Lines not read are checked once per run of a name: enough for a body of another
        // kind (HTML, JSON, a truncated line) to fail.
        if (!read && !sampleShaped(text, stop, end)) {
          throw new MetricsParseError(
            `Not Prometheus text: ${quote(text.slice(from, end).trim())}`,
          );
        }
      }
      if (!read) continue;
      if (seen.has(previous)) {
        if (alternatives !== undefined && !matches(text.slice(from, end), alternatives)) continue;
        if (zeros && endsInZero(text, end)) continue;
      } else {
        seen.add(previous);
      }
    }
    const line = text.slice(from, end).trimEnd();
    out.push(readSample(line, stop - from));
  }
  return out;
}
