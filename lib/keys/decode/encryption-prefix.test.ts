import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textBytes } from "../key-bytes";
import { parseEncryptionPrefix } from "./encryption-prefix";

const withBody = (prefix: string, body: number[]) =>
  new Uint8Array([...textBytes(prefix), ...body]);

describe("parseEncryptionPrefix", () => {
  it("names provider, version and key, and counts the ciphertext", () => {
    expect(parseEncryptionPrefix(withBody("k8s:enc:aescbc:v1:key1:", [1, 2, 3]))).toEqual({
      format: "encrypted",
      provider: "aescbc",
      providerVersion: "v1",
      keyName: "key1",
      ciphertextBytes: 3,
    });
    expect(
      parseEncryptionPrefix(withBody("k8s:enc:secretbox:v1:2024-rotation:", [])),
    ).toMatchObject({
      provider: "secretbox",
      keyName: "2024-rotation",
      ciphertextBytes: 0,
    });
  });

  it("ignores values that only look similar", () => {
    for (const text of [
      "k8s:enc:aescbc:v1:key1",
      "k8s:enc:AESCBC:v1:k:",
      "k8s:enc:aescbc:1:k:",
      "xk8s:enc:aescbc:v1:k:",
      "k8s\u0000",
    ]) {
      expect(parseEncryptionPrefix(textBytes(text)), text).toBeUndefined();
    }
    expect(parseEncryptionPrefix(withBody("k8s:enc:aescbc:v1:", [0xff, 0x3a]))).toBeUndefined();
  });

  it("never throws, whatever follows a KMS v2 prefix", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (body) => {
        const parsed = parseEncryptionPrefix(withBody("k8s:enc:kms:v2:plugin:", [...body]));
        expect(parsed?.provider).toBe("kms");
        expect(parsed?.ciphertextBytes).toBe(body.length);
      }),
    );
  });
});
