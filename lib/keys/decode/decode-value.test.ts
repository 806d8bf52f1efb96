import fc from "fast-check";
import protobuf from "protobufjs/minimal";
import { describe, expect, it } from "vitest";
import * as k8s from "../../../harness/k8s-objects";
import { encryptedAtRest, k8sEnvelope } from "../../../harness/k8s-storage";
import { textBytes } from "../key-bytes";
import { decodeValue } from "./decode-value";
import { type DecodedValue, decodedValueSchema, valueFormats } from "./decoded-value";

const deploymentValue = k8s.deployment(
  {
    name: "payments-api",
    namespace: "payments",
    uid: "6f1c2c1e-0000-4000-a000-000000000001",
    createdAt: Date.UTC(2026, 0, 2, 3, 4, 5),
    labels: { app: "payments-api" },
  },
  3,
  { labels: { app: "payments-api" }, containers: [{ name: "api", image: "example/api:1" }] },
);

function expectFormat<F extends DecodedValue["format"]>(
  decoded: DecodedValue,
  format: F,
): Extract<DecodedValue, { format: F }> {
  expect(decoded.format).toBe(format);
  return decoded as Extract<DecodedValue, { format: F }>;
}

describe("decodeValue: Kubernetes protobuf", () => {
  it("shows apiVersion, kind and the object's metadata", () => {
    const d = expectFormat(decodeValue(deploymentValue), "kubernetes");
    expect(d.apiVersion).toBe("apps/v1");
    expect(d.kind).toBe("Deployment");
    expect(d.object).toEqual({
      name: "payments-api",
      namespace: "payments",
      uid: "6f1c2c1e-0000-4000-a000-000000000001",
      creationTimestamp: "2026-01-02T03:04:05Z",
    });
    const meta = d.fields.find((f) => f.field === 1);
    expect(meta?.message?.find((f) => f.field === 1)?.text).toBe("payments-api");
    // replicas: DeploymentSpec (field 2), field 1.
    const spec = d.fields.find((f) => f.field === 2)?.message;
    expect(spec?.find((f) => f.field === 1)).toMatchObject({ wire: "varint", value: "3" });
  });

  it("shows a value truncated after the magic bytes as hex with a note", () => {
    for (const cut of [4, 5, 12, deploymentValue.length - 1]) {
      const d = expectFormat(decodeValue(deploymentValue.subarray(0, cut)), "binary");
      expect(d.note).toMatch(/truncated or malformed protobuf after the k8s magic bytes/i);
    }
  });

  it("never throws on arbitrary bytes after the magic bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
        const bytes = new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...tail]);
        expect(decodedValueSchema.safeParse(decodeValue(bytes)).success).toBe(true);
      }),
    );
  });

  it("keeps apiVersion and kind of a well-formed envelope whose inner bytes are not protobuf", () => {
    const inner = Uint8Array.of(0xff, 0xfe, 0x00, 0x13, 0x37, 0x80, 0x01, 0x02);
    const d = expectFormat(decodeValue(k8sEnvelope("foo.io/v1", "Thing", inner)), "kubernetes");
    expect(d).toMatchObject({ apiVersion: "foo.io/v1", kind: "Thing", rawSize: inner.length });
    expect(Buffer.from(d.rawBase64 ?? "", "base64")).toEqual(Buffer.from(inner));
    expect(d.fields).toEqual([]);
    expect(d.note).toMatch(/not protobuf.*shown as hex/);
  });

  it("keeps 64-bit numbers exact", () => {
    const w = protobuf.Writer.create();
    w.uint32((1 << 3) | 0).uint64("18446744073709551615");
    w.uint32((2 << 3) | 1).fixed64("9007199254740993");
    const raw = w.finish();
    const env = protobuf.Writer.create();
    env
      .uint32((1 << 3) | 2)
      .fork()
      .uint32((1 << 3) | 2)
      .string("v1")
      .uint32((2 << 3) | 2)
      .string("X")
      .ldelim();
    env.uint32((2 << 3) | 2).bytes(raw);
    const bytes = new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...env.finish()]);
    const d = expectFormat(decodeValue(bytes), "kubernetes");
    expect(d.fields).toEqual([
      { field: 1, wire: "varint", value: "18446744073709551615" },
      { field: 2, wire: "fixed64", value: "9007199254740993" },
    ]);
  });
});

describe("decodeValue: encryption at rest", () => {
  it.each([
    [{ kind: "aescbc", key: "key1" } as const, "aescbc", "v1", "key1"],
    [{ kind: "aesgcm", key: "key2" } as const, "aesgcm", "v1", "key2"],
    [{ kind: "secretbox", key: "key3" } as const, "secretbox", "v1", "key3"],
    [{ kind: "kms-v2", provider: "my-kms" } as const, "kms", "v2", "my-kms"],
  ])("names provider and key for %o", (provider, name, version, keyName) => {
    const d = expectFormat(decodeValue(encryptedAtRest(provider, "seed")), "encrypted");
    expect(d).toMatchObject({ provider: name, providerVersion: version, keyName });
    expect(d.ciphertextBytes).toBeGreaterThan(0);
    if (name === "kms") expect(d.kmsKeyId).toMatch(/cryptoKeys\/kek/);
  });

  it("recognises KMS v1", () => {
    const bytes = new Uint8Array([...textBytes("k8s:enc:kms:v1:vault:"), 0, 3, 1, 2, 3, 9, 9]);
    expect(decodeValue(bytes)).toMatchObject({
      format: "encrypted",
      provider: "kms",
      providerVersion: "v1",
      keyName: "vault",
    });
  });

  it("does not take a lookalike for encryption", () => {
    expect(decodeValue(textBytes("k8s:enc:")).format).toBe("text");
    expect(decodeValue(textBytes("k8s:enc:aescbc:v1::")).format).toBe("text");
  });
});

describe("decodeValue: text formats", () => {
  it("detects JSON, YAML and text", () => {
    const json = expectFormat(
      decodeValue(textBytes('{"kind":"ServiceMonitor","spec":{"a":[1,2]}}\n')),
      "json",
    );
    expect(json.value).toEqual({ kind: "ServiceMonitor", spec: { a: [1, 2] } });
    const yaml = "# runtime configuration\nserver:\n  port: 8080\nretries:\n  max: 3\n";
    expect(decodeValue(textBytes(yaml))).toEqual({ format: "yaml", text: yaml });
    const banner = "Scheduled maintenance: Sunday 02:00–03:00 UTC.\nPayments may be delayed.\n";
    expect(decodeValue(textBytes(banner))).toEqual({ format: "text", text: banner });
    expect(decodeValue(textBytes("http://ledger.payments.svc:8080"))).toMatchObject({
      format: "text",
    });
    expect(decodeValue(textBytes("EUR"))).toMatchObject({ format: "text" });
    expect(decodeValue(textBytes("a: 1"), { key: textBytes("/config/x.yaml") })).toMatchObject({
      format: "yaml",
    });
    expect(
      decodeValue(textBytes("a: 1\nb: 2\n"), { key: textBytes("/config/x.txt") }),
    ).toMatchObject({ format: "text" });
    expect(decodeValue(new Uint8Array())).toEqual({ format: "text", text: "" });
  });

  it("shows invalid UTF-8 and control characters as hex with a note", () => {
    const legacy = new Uint8Array([...textBytes("legacy:"), 0xff, 0xfe, 0xc3, 0x28, 0x00, 0x9f]);
    const d = expectFormat(decodeValue(legacy), "binary");
    expect(d.note).toMatch(/not valid UTF-8/i);
    expect(atob(d.base64)).toBe(String.fromCharCode(...legacy));
    expect(expectFormat(decodeValue(textBytes("a\u0000b")), "binary").note).toMatch(/control/);
  });
});

describe("decodeValue: a decoder the user picks", () => {
  it("falls back with a note when the value does not fit", () => {
    expect(decodeValue(textBytes("plain words"), { format: "json" })).toMatchObject({
      format: "text",
      note: "Not valid JSON",
    });
    expect(decodeValue(new Uint8Array([0xff]), { format: "text" })).toMatchObject({
      format: "binary",
    });
    expect(decodeValue(textBytes("plain"), { format: "kubernetes" })).toMatchObject({
      format: "binary",
      note: expect.stringMatching(/no k8s\\0 magic/),
    });
    expect(decodeValue(deploymentValue, { format: "binary" }).format).toBe("binary");
    expect(decodeValue(textBytes('{"a":1}'), { format: "text" })).toEqual({
      format: "text",
      text: '{"a":1}',
    });
  });

  it("never throws and always answers by the schema, for any bytes and any decoder", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.option(fc.constantFrom(...valueFormats), { nil: undefined }),
        fc.boolean(),
        (bytes, format, truncated) => {
          const decoded = decodeValue(bytes, { format, truncated });
          expect(decodedValueSchema.safeParse(decoded).success).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("never throws on text-like input either", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.option(fc.constantFrom(...valueFormats), { nil: undefined }),
        (text, format) => {
          expect(
            decodedValueSchema.safeParse(decodeValue(textBytes(text), { format })).success,
          ).toBe(true);
        },
      ),
    );
  });
});

describe("decodeValue: deeply nested JSON", () => {
  it("falls back to text past the depth limit, so the answer can be serialised", () => {
    const deep = `${"[".repeat(60_000)}${"]".repeat(60_000)}`;
    for (const format of [undefined, "json" as const]) {
      const decoded = decodeValue(textBytes(deep), format ? { format } : {});
      expect(decoded.format).toBe("text");
      expect(decoded.note).toMatch(/nested deeper than 256 levels/);
      expect(() => JSON.stringify(decoded)).not.toThrow();
    }
    const ok = `${"[".repeat(256)}${"]".repeat(256)}`;
    expect(decodeValue(textBytes(ok)).format).toBe("json");
  });
});
