import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { BINARY_KEY, buildDemoData, seededKeys } from "./demo-data";
import { K8S_PROTOBUF_MAGIC } from "./k8s-storage";

const entries = buildDemoData(Date.parse("2026-11-24T00:00:00Z"));
const byKey = new Map(entries.map((e) => [e.key.toString("latin1"), e.value]));

function value(key: string): Buffer {
  const found = byKey.get(Buffer.from(key).toString("latin1"));
  if (found === undefined) throw new Error(`${key} is not seeded`);
  return found;
}

/** The TypeMeta of a k8s protobuf value, read with protobufjs's Reader (no generated code). */
function typeMeta(stored: Buffer): { apiVersion: string; kind: string; raw: number } {
  const reader = protobuf.Reader.create(stored.subarray(K8S_PROTOBUF_MAGIC.length));
  const result = { apiVersion: "", kind: "", raw: 0 };
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag === ((1 << 3) | 2)) {
      const meta = protobuf.Reader.create(reader.bytes());
      while (meta.pos < meta.len) {
        const inner = meta.uint32();
        if (inner >>> 3 === 1) result.apiVersion = meta.string();
        else if (inner >>> 3 === 2) result.kind = meta.string();
        else meta.skipType(inner & 7);
      }
    } else if (tag === ((2 << 3) | 2)) {
      result.raw = reader.bytes().length;
    } else {
      reader.skipType(tag & 7);
    }
  }
  return result;
}

describe("buildDemoData", () => {
  it("writes a few hundred distinct keys", () => {
    expect(entries.length).toBeGreaterThan(200);
    expect(byKey.size).toBe(entries.length);
  });

  it("writes every notable key", () => {
    const { encrypted, binaryHex, ...plain } = seededKeys;
    for (const key of [...Object.values(plain), ...Object.values(encrypted)]) {
      expect(value(key).length, key).toBeGreaterThan(0);
    }
    expect(byKey.has(Buffer.from(binaryHex, "hex").toString("latin1"))).toBe(true);
    expect(BINARY_KEY.toString("hex")).toBe(binaryHex);
  });

  it("stores Kubernetes objects in the k8s protobuf envelope", () => {
    expect(typeMeta(value(seededKeys.deployment))).toMatchObject({
      apiVersion: "apps/v1",
      kind: "Deployment",
    });
    expect(typeMeta(value(seededKeys.secret))).toMatchObject({ apiVersion: "v1", kind: "Secret" });
    const lease = typeMeta(value(seededKeys.lease));
    expect(lease.kind).toBe("Lease");
    expect(lease.raw).toBeGreaterThan(0);
    for (const [key, stored] of byKey) {
      // Resources of dotted API groups (CRDs, APIServices, custom resources) are stored as JSON.
      const resource = key.split("/")[2] ?? "";
      if (!key.startsWith("/registry/") || resource.includes(".")) continue;
      if (stored.toString("latin1").startsWith("k8s:enc:")) continue;
      expect(stored.subarray(0, 4).equals(K8S_PROTOBUF_MAGIC), key).toBe(true);
    }
  });

  it("prefixes encrypted secrets with their provider and key name", () => {
    const prefix = (key: string) => value(key).toString("latin1");
    expect(prefix(seededKeys.encrypted.aescbc)).toMatch(/^k8s:enc:aescbc:v1:key1:/);
    expect(prefix(seededKeys.encrypted.aesgcm)).toMatch(/^k8s:enc:aesgcm:v1:key2:/);
    expect(prefix(seededKeys.encrypted.secretbox)).toMatch(/^k8s:enc:secretbox:v1:key3:/);
    expect(prefix(seededKeys.encrypted.kmsV2)).toMatch(/^k8s:enc:kms:v2:my-kms:/);
  });

  it("stores CRDs as JSON and one value that is not UTF-8", () => {
    expect(JSON.parse(value(seededKeys.crd).toString("utf8")).kind).toBe(
      "CustomResourceDefinition",
    );
    expect(() =>
      new TextDecoder("utf-8", { fatal: true }).decode(value(seededKeys.invalidUtf8)),
    ).toThrow();
  });
});
