import { parseAllDocuments } from "yaml";
import { K8S_MAGIC } from "../decode/kubernetes-envelope";
import { bytesText, indexOfBytes, startsWithBytes, textBytes } from "../key-bytes";
import { findSecretObject, secretFromObject } from "./object-secret";
import { secretFromProtobuf } from "./protobuf-secret";
import type { SecretIdentity } from "./secret-identity";

const SECRET = textBytes("Secret");
const BACKSLASH = textBytes("\\");
/** YAML is parsed up to this size; a larger value falls back to the textual check. */
const MAX_YAML_BYTES = 2 * 1024 * 1024;
// `kind: Secret` or "kind":"Secret" as a key of its own, in text that did not parse.
const KIND_SECRET = /(?:^|[\s{,])["']?kind["']?\s*:\s*["']?Secret["'\s,}]/m;

function fromTree(root: unknown, encoding: "json" | "yaml"): SecretIdentity | undefined {
  const found = findSecretObject(root);
  return found ? secretFromObject(found, encoding, found !== root) : undefined;
}

function fromYaml(text: string): SecretIdentity | "unparsed" | undefined {
  // Without an escape, YAML can only say kind and Secret in so many letters: skip the parse.
  const escaped = text.includes("\\");
  if (!escaped && !(text.includes("kind") && text.includes("Secret"))) return undefined;
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false });
  } catch {
    return "unparsed";
  }
  if (!Array.isArray(docs)) return "unparsed";
  for (const doc of docs) {
    if (doc.errors.length > 0) return "unparsed";
    let value: unknown;
    try {
      // The alias limit keeps a "billion laughs" document from expanding.
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      return "unparsed";
    }
    const identity = fromTree(value, "yaml");
    if (identity) return identity;
  }
  return undefined;
}

function unparsed(): SecretIdentity {
  return {
    encoding: "unparsed",
    apiVersion: "",
    kind: "Secret",
    labels: [],
    annotations: [],
    data: [],
    note: "The value names kind Secret but does not parse; nothing more is shown",
  };
}

/**
 * Recognises a core v1 Secret by what the value decodes to, wherever it is stored: the
 * Kubernetes protobuf envelope (kind Secret, apiVersion v1), JSON or YAML with such an object at
 * the top level or nested (a List's items), and text that names `kind: Secret` but does not
 * parse. Returns the Secret's identity without any value, or undefined when it is not one.
 * Rule from Kubernetes' storage: kube-apiserver writes `k8s\0`-prefixed protobuf or JSON.
 */
export function recognizeSecret(bytes: Uint8Array): SecretIdentity | undefined {
  if (startsWithBytes(bytes, K8S_MAGIC)) return secretFromProtobuf(bytes);
  // Text can only name a Secret in those letters or through an escape (JSON \u, YAML \x):
  // most values are ruled out without decoding or parsing them.
  if (indexOfBytes(bytes, SECRET) < 0 && indexOfBytes(bytes, BACKSLASH) < 0) return undefined;
  // Lenient: bytes that are not UTF-8 are shown as hex, which would show a Secret's JSON too.
  const text = bytesText(bytes).replace(/^\uFEFF/, "");
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return fromTree(JSON.parse(trimmed), "json");
    } catch {
      // Not JSON; YAML is a superset of JSON's syntax, so it gets its chance below.
    }
  }
  const yaml = bytes.length <= MAX_YAML_BYTES ? fromYaml(text) : "unparsed";
  if (yaml !== "unparsed") return yaml;
  return KIND_SECRET.test(text) ? unparsed() : undefined;
}
