import { describe, expect, it } from "vitest";
import { prometheusSourceSchema } from "./prometheus-source-schema";

describe("prometheusSourceSchema", () => {
  it("fills defaults and accepts selectors with or without braces", () => {
    const s = prometheusSourceSchema.parse({
      url: "https://prometheus.monitoring:9090/",
      selector: '{job="etcd", cluster=~"prod-.*"}',
    });
    expect(s).toMatchObject({
      url: "https://prometheus.monitoring:9090",
      selector: 'job="etcd", cluster=~"prod-.*"',
      memberLabel: "instance",
      scrapeIntervalSeconds: 15,
      deadlineMs: 10_000,
    });
    expect(prometheusSourceSchema.parse({ url: "http://p:9090" }).selector).toBe("");
    expect(
      prometheusSourceSchema.parse({ url: "http://p:9090", selector: 'a!="x\\"y",b!~"z",' })
        .selector,
    ).toBe('a!="x\\"y",b!~"z",');
  });

  it("names what is wrong", () => {
    const bad = (v: unknown) => {
      const r = prometheusSourceSchema.safeParse(v);
      return r.success
        ? ""
        : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    };
    expect(bad({ url: "ftp://p" })).toMatch(/^url: expected a URL like https:\/\/prometheus:9090/);
    expect(bad({ url: "http://p", selector: "job=etcd" })).toMatch(
      /^selector: expected PromQL label matchers/,
    );
    expect(bad({ url: "http://p", selector: 'job="etcd"} or vector(1) {' })).toMatch(/^selector:/);
    expect(bad({ url: "http://p", tls: { cert: "/c" } })).toMatch(
      /^tls: expected cert and key together/,
    );
    expect(bad({ url: "http://p", bearer: "x" })).toMatch(/^bearer:/);
  });
});
