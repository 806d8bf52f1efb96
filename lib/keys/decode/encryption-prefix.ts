import protobuf from "protobufjs/minimal";
import type { DecodedValue } from "./decoded-value";

type EncryptedValue = Extract<DecodedValue, { format: "encrypted" }>;

// k8s:enc:<provider>:<version>:<key or plugin name>: — the name is printable ASCII without ":".
const PREFIX = /^k8s:enc:([a-z0-9]{1,32}):(v[0-9]{1,3}):([\x21-\x39\x3b-\x7e]{1,255}):/;
const MAX_PREFIX = 8 + 33 + 5 + 256;

/** KMS v2 stores an EncryptedObject; its keyID (field 2) names the KEK, which is not secret. */
function kmsV2KeyId(body: Uint8Array): string | undefined {
  const reader = protobuf.Reader.create(body);
  try {
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag === ((2 << 3) | 2)) return reader.string();
      reader.skipType(tag & 7);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Recognises a value encrypted at rest by kube-apiserver (`k8s:enc:aescbc:v1:key1:…`, aesgcm,
 * secretbox, kms v1 and v2) and names the provider and key; the ciphertext is not decoded.
 * Undefined when the value does not start with such a prefix.
 */
export function parseEncryptionPrefix(bytes: Uint8Array): EncryptedValue | undefined {
  let head = "";
  for (const b of bytes.subarray(0, MAX_PREFIX)) head += String.fromCharCode(b);
  const match = PREFIX.exec(head);
  if (!match) return undefined;
  const [whole, provider = "", providerVersion = "", keyName = ""] = match;
  const body = bytes.subarray(whole.length);
  const kmsKeyId = provider === "kms" && providerVersion === "v2" ? kmsV2KeyId(body) : undefined;
  return {
    format: "encrypted",
    provider,
    providerVersion,
    keyName,
    ...(kmsKeyId ? { kmsKeyId } : {}),
    ciphertextBytes: body.length,
  };
}
