import fc from "fast-check";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { describe, expect, it } from "vitest";
import { zeroFilledInputs } from "../../alerts/scraped-series";
import { MetricsParseError } from "../../metrics/metrics-parse-error";
import { scrapeFamilies } from "../alerts/scrape-families";
import { etcdCaptureNames, loadEtcdCapture } from "./fixtures/etcd-captures";
import { type PrometheusSeries, readPrometheusSeries } from "./read-prometheus-series";

/** The series without their label text, for comparing with what was written. */
const read = (text: string): Omit<PrometheusSeries, "key">[] =>
  readPrometheusSeries(text).map(({ key: _key, ...rest }) => rest);

function parseError(text: string): MetricsParseError {
  try {
    readPrometheusSeries(text);
  } catch (err) {
    if (err instanceof MetricsParseError) return err;
    throw err;
  }
  throw new Error("expected a MetricsParseError");
}

describe("readPrometheusSeries", () => {
  it("returns one series per sample line, with labels and numeric values", () => {
    const text = [
      "# HELP etcd_server_has_leader Whether or not a leader exists. 1 is existence, 0 is not.",
      "# TYPE etcd_server_has_leader gauge",
      "etcd_server_has_leader 1",
      "# TYPE etcd_server_quota_backend_bytes gauge",
      "etcd_server_quota_backend_bytes 2.147483648e+09",
      'grpc_server_started_total{grpc_method="Range",grpc_service="etcdserverpb.KV",grpc_type="unary"} 5',
      "",
    ].join("\n");
    expect(readPrometheusSeries(text)).toEqual([
      { name: "etcd_server_has_leader", labels: {}, value: 1, key: "" },
      { name: "etcd_server_quota_backend_bytes", labels: {}, value: 2147483648, key: "" },
      {
        name: "grpc_server_started_total",
        labels: { grpc_method: "Range", grpc_service: "etcdserverpb.KV", grpc_type: "unary" },
        value: 5,
        key: 'grpc_method="Range",grpc_service="etcdserverpb.KV",grpc_type="unary"',
      },
    ]);
  });

  it("keeps labelled histogram series apart, which the parser on its own merges by le", () => {
    const text = [
      "# TYPE rtt histogram",
      'rtt_bucket{To="a",le="0.1"} 1',
      'rtt_bucket{To="a",le="+Inf"} 2',
      'rtt_sum{To="a"} 0.5',
      'rtt_count{To="a"} 2',
      'rtt_bucket{To="b",le="0.1"} 7',
      'rtt_bucket{To="b",le="+Inf"} 9',
      'rtt_sum{To="b"} 1.5',
      'rtt_count{To="b"} 9',
      "",
    ].join("\n");
    const series = read(text);
    expect(series).toContainEqual({ name: "rtt_bucket", labels: { To: "a", le: "0.1" }, value: 1 });
    expect(series).toContainEqual({ name: "rtt_bucket", labels: { To: "b", le: "0.1" }, value: 7 });
    expect(series).toContainEqual({ name: "rtt_count", labels: { To: "a" }, value: 2 });
    expect(series).toContainEqual({ name: "rtt_sum", labels: { To: "b" }, value: 1.5 });
    expect(series).toHaveLength(8);
  });

  it("keeps the last sample of a body without a final newline", () => {
    expect(read("a 1\nb 2")).toEqual([
      { name: "a", labels: {}, value: 1 },
      { name: "b", labels: {}, value: 2 },
    ]);
  });

  it("reads CRLF line endings, escaped label values and timestamps", () => {
    const series = read('a{path="C:\\\\x",msg="say \\"hi\\""} 3 1395066363000\r\nb 4\r\n');
    expect(series).toEqual([
      { name: "a", labels: { path: "C:\\x", msg: 'say "hi"' }, value: 3 },
      { name: "b", labels: {}, value: 4 },
    ]);
  });

  it("skips every comment, including ones the parser alone rejects or misreads", () => {
    const text = "# HELP a\n#no space after the hash\n#\n# TYPE a counter gauge\na 1\n";
    expect(read(text)).toEqual([{ name: "a", labels: {}, value: 1 }]);
  });

  it("accepts an empty body as no series", () => {
    expect(readPrometheusSeries("")).toEqual([]);
  });

  it("names what is wrong with a body that is not Prometheus text", () => {
    expect(parseError("etcd_server_has_leader yes\n").message).toMatch(
      /etcd_server_has_leader has a non-numeric value "yes"/,
    );
    expect(parseError("etcd_server_has_leader\n").message).toMatch(
      /etcd_server_has_leader has no value/,
    );
    expect(parseError('a{le="1" 2\n').message).toMatch(/Not Prometheus text: .*a\{le=\\"1\\" 2/);
    expect(parseError("<!DOCTYPE html>\n<html><body>502</body></html>\n").message).toMatch(
      /Invalid metric name "<!DOCTYPE"/,
    );
    expect(parseError("a 1 soon\n").message).toMatch(/a has an invalid timestamp "soon"/);
    expect(parseError('a{1x="y"} 1\n').message).toMatch(/a has an invalid label name "1x"/);
    // /health answers JSON; the parser alone would read it as an empty scrape.
    const json = parseError('{"health":"true"}\n');
    expect(json.code).toBe("METRICS_PARSE");
    expect(json.message).toMatch(/A sample has no metric name: .*health/);
  });

  it("throws nothing but MetricsParseError, whatever the body", () => {
    const token = fc.constantFrom(
      "a",
      "a_bucket",
      "_sum",
      " ",
      "\t",
      "{",
      "}",
      "=",
      '"',
      "\\",
      ",",
      "\n",
      "# ",
      "TYPE ",
      "HELP ",
      "histogram",
      "summary",
      "le",
      "1",
      "+Inf",
      "NaN",
      "-",
      "e",
      ".",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        try {
          readPrometheusSeries(tokens.join(""));
        } catch (err) {
          expect(err).toBeInstanceOf(MetricsParseError);
        }
      }),
    );
  });

  const captures = etcdCaptureNames;

  it("reads captured etcd bodies as parse-prometheus-text-format reads their sample lines", () => {
    for (const name of captures) {
      const { text } = loadEtcdCapture(name);
      // The library without HELP and TYPE, which make it merge labelled histograms by le.
      const samples = text.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
      const theirs = parsePrometheusTextFormat(`${samples.join("\n")}\n`).flatMap((f) =>
        f.metrics.map((m) => ({ name: f.name, labels: m.labels ?? {}, value: Number(m.value) })),
      );
      const ours = read(text);
      expect(ours, name).toEqual(theirs);
      expect(ours.length, name).toBe(samples.length);
    }
  });

  it("reads the wanted families as a whole read filtered by name", () => {
    const wanted = new Map([
      ["etcd_server_has_leader", undefined],
      ["grpc_server_handled_total", undefined],
      ["etcd_network_peer_round_trip_time_seconds_bucket", undefined],
    ]);
    for (const name of captures) {
      const { text } = loadEtcdCapture(name);
      expect(readPrometheusSeries(text, wanted)).toEqual(
        readPrometheusSeries(text).filter((x) => wanted.has(x.name)),
      );
    }
  });

  it("leaves out the zero lines of a zero-filled family, but for its first", () => {
    const text = [
      'grpc_server_handled_total{grpc_code="Aborted",grpc_method="Range"} 0',
      'grpc_server_handled_total{grpc_code="OK",grpc_method="Range"} 12',
      'grpc_server_handled_total{grpc_code="Unavailable",grpc_method="Range"} 0',
      'grpc_server_handled_total{grpc_code="Unknown",grpc_method="Range"} 0 1395066363000',
      'grpc_server_handled_total{grpc_code="Internal",grpc_method="Range"} 0.0',
      "etcd_server_has_leader 0",
      "",
    ].join("\n");
    const wanted = new Map([
      ["grpc_server_handled_total", undefined],
      ["etcd_server_has_leader", undefined],
    ]);
    const codes = (series: PrometheusSeries[]) =>
      series.map((x) => `${x.labels.grpc_code ?? x.name}=${x.value}`);
    expect(codes(readPrometheusSeries(text, wanted, zeroFilledInputs))).toEqual([
      "Aborted=0",
      "OK=12",
      // Kept: not written as Go writes a bare zero, so read in full.
      "Unknown=0",
      "Internal=0",
      "etcd_server_has_leader=0",
    ]);
    expect(readPrometheusSeries(text, wanted)).toHaveLength(6);
  });

  it("keeps every non-zero line of a captured body when leaving zeros out", () => {
    for (const name of captures) {
      const { text } = loadEtcdCapture(name);
      const whole = readPrometheusSeries(text, scrapeFamilies);
      const lean = readPrometheusSeries(text, scrapeFamilies, zeroFilledInputs);
      const counted = whole.filter((x) => !zeroFilledInputs.has(x.name) || x.value !== 0);
      expect(lean.filter((x) => !zeroFilledInputs.has(x.name) || x.value !== 0)).toEqual(counted);
      // 41 methods × 17 codes of grpc_server_handled_total, nearly all at 0.
      expect(lean.length).toBeLessThan(whole.length / 2);
    }
  });

  it("still rejects a body that is not Prometheus text in lines it does not read", () => {
    const wanted = new Map([["a", undefined]]);
    expect(() => readPrometheusSeries("a 1\nnot prometheus at all!\n", wanted)).toThrow(
      /Not Prometheus text: "not prometheus at all!"/,
    );
    expect(() => readPrometheusSeries('a 1\nb{x="1" 2\n', wanted)).toThrow(/Not Prometheus text/);
    expect(() => readPrometheusSeries("a 1\nb 2 soon\n", wanted)).toThrow(/Not Prometheus text/);
    expect(readPrometheusSeries('a 1\nb{x="}"} 2 -5\n', wanted)).toHaveLength(1);
  });

  it("shares one frozen label set between scrapes of the same series", () => {
    const body = 'x_total{code="OK",method="Range"} 1\n';
    const [first] = readPrometheusSeries(body);
    const [second] = readPrometheusSeries(body.replace(" 1", " 2"));
    expect(second?.labels).toBe(first?.labels);
    expect(Object.isFrozen(first?.labels)).toBe(true);
    expect(second?.value).toBe(2);
  });

  it("reads back any label values an exporter escapes, with their text as the key", () => {
    const labelValue = fc.string({
      unit: fc.constantFrom("a", "}", ",", '"', "\\", "\n", "=", " ", "é"),
    });
    const series = fc.record({
      name: fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,8}$/),
      labels: fc.dictionary(fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,5}$/), labelValue, {
        maxKeys: 4,
      }),
      value: fc.oneof(fc.integer(), fc.double({ noNaN: true })),
    });
    const escaped = (v: string) =>
      v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
    fc.assert(
      fc.property(fc.array(series, { maxLength: 6 }), (all) => {
        const lines = all.map((x) => {
          const key = Object.entries(x.labels)
            .map(([k, v]) => `${k}="${escaped(v)}"`)
            .join(",");
          return { key, line: `${x.name}${key ? `{${key}}` : ""} ${x.value}` };
        });
        const got = readPrometheusSeries(lines.map((l) => l.line).join("\n"));
        expect(got.map((x) => x.name)).toEqual(all.map((x) => x.name));
        expect(got.map((x) => ({ ...x.labels }))).toEqual(all.map((x) => x.labels));
        // -0 is written "0".
        expect(got.map((x) => x.value)).toEqual(all.map((x) => x.value + 0));
        expect(got.map((x) => x.key)).toEqual(lines.map((l) => l.key));
      }),
    );
  });
});
