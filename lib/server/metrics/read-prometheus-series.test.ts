import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MetricsParseError } from "../../metrics/metrics-parse-error";
import { readPrometheusSeries } from "./read-prometheus-series";

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
      { name: "etcd_server_has_leader", labels: {}, value: 1 },
      { name: "etcd_server_quota_backend_bytes", labels: {}, value: 2147483648 },
      {
        name: "grpc_server_started_total",
        labels: { grpc_method: "Range", grpc_service: "etcdserverpb.KV", grpc_type: "unary" },
        value: 5,
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
    const series = readPrometheusSeries(text);
    expect(series).toContainEqual({ name: "rtt_bucket", labels: { To: "a", le: "0.1" }, value: 1 });
    expect(series).toContainEqual({ name: "rtt_bucket", labels: { To: "b", le: "0.1" }, value: 7 });
    expect(series).toContainEqual({ name: "rtt_count", labels: { To: "a" }, value: 2 });
    expect(series).toContainEqual({ name: "rtt_sum", labels: { To: "b" }, value: 1.5 });
    expect(series).toHaveLength(8);
  });

  it("keeps the last sample of a body without a final newline", () => {
    expect(readPrometheusSeries("a 1\nb 2")).toEqual([
      { name: "a", labels: {}, value: 1 },
      { name: "b", labels: {}, value: 2 },
    ]);
  });

  it("reads CRLF line endings, escaped label values and timestamps", () => {
    const series = readPrometheusSeries(
      'a{path="C:\\\\x",msg="say \\"hi\\""} 3 1395066363000\r\nb 4\r\n',
    );
    expect(series).toEqual([
      { name: "a", labels: { path: "C:\\x", msg: 'say "hi"' }, value: 3 },
      { name: "b", labels: {}, value: 4 },
    ]);
  });

  it("skips every comment, including ones the parser alone rejects or misreads", () => {
    const text = "# HELP a\n#no space after the hash\n#\n# TYPE a counter gauge\na 1\n";
    expect(readPrometheusSeries(text)).toEqual([{ name: "a", labels: {}, value: 1 }]);
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
});
