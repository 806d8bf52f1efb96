import { describe, expect, it } from "vitest";
import { formatLogLine, logFormat, redact } from "./log-line.mjs";

const now = new Date("2026-11-29T13:00:00.000Z");

describe("logFormat", () => {
  it("defaults to text and names the variable for a bad value", () => {
    expect(logFormat(undefined)).toBe("text");
    expect(logFormat(" ")).toBe("text");
    expect(logFormat("JSON")).toBe("json");
    expect(() => logFormat("xml")).toThrow(
      'RAFTSCOPE_LOG_FORMAT: expected text or json, got "xml"',
    );
  });
});

describe("formatLogLine", () => {
  it("gives one JSON object with time, level, message and the fields", () => {
    const line = formatLogLine(
      "json",
      "info",
      "leader changed",
      { cluster: "demo", member: "m-2", event: "leader_changed", seq: 4 },
      now,
    );
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({
      time: "2026-11-29T13:00:00.000Z",
      level: "info",
      message: "leader changed",
      cluster: "demo",
      member: "m-2",
      event: "leader_changed",
      seq: 4,
    });
  });

  it("keeps a multi-line message inside one JSON line", () => {
    const line = formatLogLine("json", "error", "failed\n    at x (y.js:1:1)", {}, now);
    expect(line.split("\n")).toHaveLength(1);
    expect(JSON.parse(line).message).toBe("failed\n    at x (y.js:1:1)");
  });

  it("does not let a field overwrite time, level or message", () => {
    const parsed = JSON.parse(
      formatLogLine("json", "warn", "m", { level: "info", time: "x" }, now),
    );
    expect(parsed.level).toBe("warn");
    expect(parsed.time).toBe("2026-11-29T13:00:00.000Z");
  });

  it("writes text as the default start-up lines read, fields after", () => {
    expect(formatLogLine("text", "info", "listening on http://127.0.0.1:3000")).toBe(
      "raftscope: listening on http://127.0.0.1:3000",
    );
    expect(formatLogLine("text", "info", "x", { cluster: "demo", error: "a b" })).toBe(
      'raftscope: x cluster=demo error="a b"',
    );
  });

  it("never writes a key, certificate, token or session", () => {
    const pem =
      "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    const line = formatLogLine(
      "json",
      "error",
      `bad key ${pem} sent with Authorization: Bearer abc.def-123 cookie raftscope_session=s3cr3t; x`,
      {
        token: "t0k3n",
        error: new Error(`cannot parse ${pem}`),
        authorization: "Basic Zm9vOmJhcg==",
      },
      now,
    );
    for (const secret of ["MIIEvQ", "abc.def-123", "s3cr3t", "t0k3n", "Zm9vOmJhcg"]) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line).token).toBe("[redacted]");
    expect(redact("-----BEGIN CERTIFICATE-----\nMIIB")).toBe("[redacted PEM]");
    expect(redact("scrypt$32768$8$1$c2FsdA==$aGFzaA==")).toBe("[redacted hash]");
  });
});
