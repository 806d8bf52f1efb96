import { K8S_MAGIC } from "../decode/kubernetes-envelope";
import { bytesText, startsWithBytes } from "../key-bytes";
import { firstBytes, mapEntries, readFields } from "./protobuf-fields-reader";
import { isCoreSecretType, type SecretIdentity } from "./secret-identity";
import { withholdRevealing } from "./withheld-metadata";

/** metav1.Time {seconds 1, nanos 2} as RFC 3339, or undefined when absent or out of range. */
function timestamp(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes) return undefined;
  const seconds = readFields(bytes).varints.get(1);
  if (seconds === undefined || !Number.isSafeInteger(seconds) || Math.abs(seconds) > 8.64e12) {
    return undefined;
  }
  return new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
}

function text(bytes: Uint8Array | undefined): string | undefined {
  return bytes ? bytesText(bytes) : undefined;
}

/**
 * Recognises a core v1 Secret in kube-apiserver's protobuf storage format (`k8s\0`, then a
 * runtime.Unknown whose TypeMeta says apiVersion v1, kind Secret) and reads its identity:
 * ObjectMeta (name 1, namespace 3, uid 5, creationTimestamp 8, labels 11, annotations 12) and
 * the Secret's data 2, type 3, stringData 4 and immutable 5, field numbers from k8s.io/api's
 * core/v1 generated.proto. Undefined for anything else. A value malformed after its TypeMeta
 * is still a Secret, with a note.
 */
export function secretFromProtobuf(bytes: Uint8Array): SecretIdentity | undefined {
  if (!startsWithBytes(bytes, K8S_MAGIC)) return undefined;
  const unknown = readFields(bytes.subarray(K8S_MAGIC.length));
  const typeMeta = readFields(firstBytes(unknown, 1) ?? new Uint8Array());
  const apiVersion = text(firstBytes(typeMeta, 1)) ?? "";
  const kind = text(firstBytes(typeMeta, 2)) ?? "";
  if (!isCoreSecretType(apiVersion, kind)) return undefined;
  const raw = readFields(firstBytes(unknown, 2) ?? new Uint8Array());
  const meta = readFields(firstBytes(raw, 1) ?? new Uint8Array());
  const data = [...mapEntries(raw, 2), ...mapEntries(raw, 4)];
  const dataValues = data.map(([, v]) => v);
  const pairs = (n: number) =>
    mapEntries(meta, n).map(([k, v]): [string, string] => [bytesText(k), bytesText(v)]);
  const malformed = unknown.malformed || raw.malformed || meta.malformed;
  const identity: SecretIdentity = {
    encoding: "protobuf",
    apiVersion,
    kind,
    labels: withholdRevealing(pairs(11), dataValues),
    annotations: withholdRevealing(pairs(12), dataValues),
    data: data
      .map(([k, v]) => ({ key: bytesText(k), size: v.length }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
  const optional = {
    name: text(firstBytes(meta, 1)),
    namespace: text(firstBytes(meta, 3)),
    uid: text(firstBytes(meta, 5)),
    creationTimestamp: timestamp(firstBytes(meta, 8)),
    type: text(firstBytes(raw, 3)),
    immutable: raw.varints.has(5) ? raw.varints.get(5) !== 0 : undefined,
    note: malformed
      ? "The stored object is malformed after its type; what could be read is shown"
      : undefined,
  };
  for (const [k, v] of Object.entries(optional)) {
    if (v !== undefined) Object.assign(identity, { [k]: v });
  }
  return identity;
}
