import { createHash } from "node:crypto";
import { encodeMessage, field } from "./protobuf-fields";

/** The prefix kube-apiserver writes before every protobuf-encoded object it stores in etcd. */
export const K8S_PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/**
 * Wraps an object's protobuf bytes the way kube-apiserver stores them: the `k8s\0` magic and a
 * runtime.Unknown {typeMeta: {apiVersion, kind}, raw, contentEncoding, contentType}. The raw
 * object carries no TypeMeta of its own; kube-apiserver writes the two empty strings too.
 */
export function k8sEnvelope(apiVersion: string, kind: string, raw: Uint8Array): Buffer {
  const unknown = encodeMessage((w) => {
    field.message(w, 1, (typeMeta) => {
      field.string(typeMeta, 1, apiVersion);
      field.string(typeMeta, 2, kind);
    });
    field.bytes(w, 2, raw);
    field.string(w, 3, "");
    field.string(w, 4, "");
  });
  return Buffer.concat([K8S_PROTOBUF_MAGIC, unknown]);
}

export type EncryptionProvider =
  | { kind: "aescbc"; key: string }
  | { kind: "aesgcm"; key: string }
  | { kind: "secretbox"; key: string }
  | { kind: "kms-v2"; provider: string };

/**
 * A value as an EncryptionConfiguration provider stores it: `k8s:enc:<provider>:v1:<key>:` and
 * ciphertext-shaped bytes (IV or nonce, then blocks and tag). KMS v2 stores a protobuf
 * EncryptedObject after its prefix. The bytes are derived from `seed`, so reruns write the same
 * value; nothing here is decryptable.
 */
export function encryptedAtRest(provider: EncryptionProvider, seed: string): Buffer {
  switch (provider.kind) {
    case "aescbc":
      return prefixed(`k8s:enc:aescbc:v1:${provider.key}:`, fakeBytes(seed, 16 + 16 * 6));
    case "aesgcm":
      return prefixed(`k8s:enc:aesgcm:v1:${provider.key}:`, fakeBytes(seed, 12 + 90 + 16));
    case "secretbox":
      return prefixed(`k8s:enc:secretbox:v1:${provider.key}:`, fakeBytes(seed, 24 + 90 + 16));
    case "kms-v2": {
      const encryptedObject = encodeMessage((w) => {
        field.bytes(w, 1, fakeBytes(`${seed}/data`, 12 + 96 + 16));
        field.string(w, 2, "projects/demo/locations/global/keyRings/etcd/cryptoKeys/kek/1");
        field.bytes(w, 3, fakeBytes(`${seed}/dek`, 256));
        field.int(w, 5, 1);
      });
      return prefixed(`k8s:enc:kms:v2:${provider.provider}:`, encryptedObject);
    }
  }
}

/** Deterministic bytes that look random: SHA-256 in counter mode over `seed`. */
export function fakeBytes(seed: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i++) {
    blocks.push(createHash("sha256").update(`${seed}#${i}`).digest());
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function prefixed(prefix: string, body: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(prefix, "latin1"), body]);
}
