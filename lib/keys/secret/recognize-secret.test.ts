import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as k8s from "../../../harness/k8s-objects";
import { k8sEnvelope } from "../../../harness/k8s-storage";
import { encodeMessage, field } from "../../../harness/protobuf-fields";
import { bytesToBase64, textBytes } from "../key-bytes";
import { recognizeSecret } from "./recognize-secret";
import { secretIdentitySchema } from "./secret-identity";

const PASSWORD = "hunter2-very-secret-pw";
const meta = {
  name: "db",
  namespace: "team-a",
  uid: "0b8a5f4e-0000-4000-a000-00000000000a",
  createdAt: Date.UTC(2026, 0, 2, 3, 4, 5),
  labels: { app: "db", tier: "backend" },
  annotations: {
    "kubectl.kubernetes.io/last-applied-configuration": `{"data":{"password":"${btoa(PASSWORD)}"}}`,
    note: "rotated monthly",
    copied: `pw=${PASSWORD}`,
  },
};
const protobufSecret = k8s.secret(meta, "Opaque", { password: PASSWORD, username: "app" });

const jsonSecret = (extra: Record<string, unknown> = {}) => ({
  kind: "Secret",
  apiVersion: "v1",
  metadata: {
    name: "db",
    namespace: "team-a",
    labels: { app: "db" },
    annotations: { note: "rotated monthly" },
  },
  type: "kubernetes.io/basic-auth",
  data: { password: btoa(PASSWORD), username: btoa("app") },
  ...extra,
});

/** Nothing of the password, raw or in base64, anywhere in what is shown. */
function expectNoValue(shown: unknown) {
  const text = JSON.stringify(shown);
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(btoa(PASSWORD));
}

describe("recognizeSecret: protobuf", () => {
  it("reads a v1 Secret's identity, data keys and sizes, and never a value", () => {
    const id = secretIdentitySchema.parse(recognizeSecret(protobufSecret));
    expect(id).toMatchObject({
      encoding: "protobuf",
      apiVersion: "v1",
      kind: "Secret",
      name: "db",
      namespace: "team-a",
      uid: meta.uid,
      creationTimestamp: "2026-01-02T03:04:05Z",
      type: "Opaque",
      labels: [
        { name: "app", value: "db", size: 2 },
        { name: "tier", value: "backend", size: 7 },
      ],
      data: [
        { key: "password", size: PASSWORD.length },
        { key: "username", size: 3 },
      ],
    });
    // Annotations that would reveal the data are named with their size only.
    expect(id.annotations).toEqual([
      { name: "copied", value: null, size: PASSWORD.length + 3 },
      {
        name: "kubectl.kubernetes.io/last-applied-configuration",
        value: null,
        size: meta.annotations["kubectl.kubernetes.io/last-applied-configuration"].length,
      },
      { name: "note", value: "rotated monthly", size: 15 },
    ]);
    expectNoValue(id);
  });

  it("still recognises a Secret that is truncated or padded after its type", () => {
    for (const bytes of [
      protobufSecret.subarray(0, 30),
      protobufSecret.subarray(0, protobufSecret.length - 3),
      Buffer.concat([protobufSecret, Buffer.from([0xff, 0xff, 0xff])]),
    ]) {
      const id = recognizeSecret(bytes);
      expect(id?.kind).toBe("Secret");
      expectNoValue(id);
    }
  });

  it("leaves other kinds and other API groups alone", () => {
    expect(recognizeSecret(k8s.configMap(meta, { password: PASSWORD }))).toBeUndefined();
    const raw = encodeMessage((w) => field.string(w, 3, "Opaque"));
    expect(recognizeSecret(k8sEnvelope("example.com/v1", "Secret", raw))).toBeUndefined();
    expect(recognizeSecret(k8sEnvelope("v1", "SecretList", raw))).toBeUndefined();
  });

  it("never throws and never shows a value, whatever follows the envelope", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
        const id = recognizeSecret(Buffer.concat([protobufSecret.subarray(0, 24), tail]));
        if (id) secretIdentitySchema.parse(id);
      }),
    );
  });
});

describe("recognizeSecret: JSON and YAML", () => {
  it("reads a JSON Secret whatever its spacing and field order", () => {
    for (const text of [
      JSON.stringify(jsonSecret()),
      JSON.stringify(jsonSecret(), null, 2),
      `\uFEFF  ${JSON.stringify({ data: jsonSecret().data, apiVersion: "v1", kind: "Secret" })}`,
      // A JSON escape spells the same kind.
      JSON.stringify(jsonSecret()).replace('"Secret"', '"\\u0053ecret"'),
    ]) {
      const id = recognizeSecret(textBytes(text));
      expect(id?.kind, text).toBe("Secret");
      expect(id?.data).toEqual([
        { key: "password", size: PASSWORD.length },
        { key: "username", size: 3 },
      ]);
      expectNoValue(id);
    }
    expect(recognizeSecret(textBytes(JSON.stringify(jsonSecret())))).toMatchObject({
      encoding: "json",
      name: "db",
      namespace: "team-a",
      type: "kubernetes.io/basic-auth",
      labels: [{ name: "app", value: "db", size: 2 }],
    });
  });

  it("finds a Secret nested in a List, and stringData sizes", () => {
    const list = { kind: "List", apiVersion: "v1", items: [{ kind: "ConfigMap" }, jsonSecret()] };
    const id = recognizeSecret(textBytes(JSON.stringify(list)));
    expect(id?.name).toBe("db");
    expect(id?.note).toMatch(/nested/);
    const withStringData = jsonSecret({ data: undefined, stringData: { token: PASSWORD } });
    expect(recognizeSecret(textBytes(JSON.stringify(withStringData)))?.data).toEqual([
      { key: "token", size: PASSWORD.length },
    ]);
  });

  it("reads a YAML Secret, and a Secret document among others", () => {
    const yaml = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: team-a\ndata:\n  password: ${btoa(PASSWORD)}\n`;
    expect(recognizeSecret(textBytes(yaml))).toMatchObject({ encoding: "yaml", name: "db" });
    const multi = `kind: ConfigMap\napiVersion: v1\n---\n${yaml}`;
    expect(recognizeSecret(textBytes(multi))?.name).toBe("db");
    const quoted = `"apiVersion": "v1"\n"kind": "\\x53ecret"\ndata: {a: b}\n`;
    expect(recognizeSecret(textBytes(quoted))?.kind).toBe("Secret");
  });

  it("redacts text that names kind Secret but does not parse", () => {
    const broken = `${JSON.stringify(jsonSecret())} trailing`;
    expect(recognizeSecret(textBytes(broken))).toMatchObject({ encoding: "unparsed" });
    const bad = Buffer.concat([Buffer.from(JSON.stringify(jsonSecret())), Buffer.from([0xff])]);
    expect(recognizeSecret(bad)?.kind).toBe("Secret");
  });

  it("leaves other objects alone, a ConfigMap holding a Secret manifest as text included", () => {
    for (const value of [
      { kind: "ConfigMap", apiVersion: "v1", data: { "s.yaml": "kind: Secret\napiVersion: v1" } },
      { kind: "Secret", apiVersion: "example.com/v1", data: {} },
      { kind: "SealedSecret", apiVersion: "bitnami.com/v1alpha1" },
      ["kind", "Secret"],
      "kind: Secret",
    ]) {
      expect(recognizeSecret(textBytes(JSON.stringify(value))), JSON.stringify(value)).toBe(
        undefined,
      );
    }
    expect(recognizeSecret(textBytes("plain text about a Secret"))).toBeUndefined();
    expect(recognizeSecret(textBytes("kind: Deployment\napiVersion: apps/v1\n"))).toBeUndefined();
  });

  it("walks a value nested 60,000 deep without overflowing the stack", () => {
    const deep = `${"[".repeat(60_000)}${JSON.stringify(jsonSecret())}${"]".repeat(60_000)}`;
    expect(recognizeSecret(textBytes(deep))?.kind).toBe("Secret");
    expect(recognizeSecret(textBytes(`${"[".repeat(60_000)}${"]".repeat(60_000)}`))).toBe(
      undefined,
    );
  });

  it("sizes base64 data by its decoded bytes", () => {
    const secret = jsonSecret({ data: { blob: bytesToBase64(new Uint8Array(1000)) } });
    expect(recognizeSecret(textBytes(JSON.stringify(secret)))?.data).toEqual([
      { key: "blob", size: 1000 },
    ]);
  });
});
