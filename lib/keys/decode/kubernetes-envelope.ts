import protobuf from "protobufjs/minimal";
import { bytesText, bytesToBase64, startsWithBytes } from "../key-bytes";
import type { DecodedValue, ProtoField } from "./decoded-value";
import { decodeProtobufTree } from "./protobuf-tree";

/** kube-apiserver writes these four bytes before every protobuf-encoded object. */
export const K8S_MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

type KubernetesValue = Extract<DecodedValue, { format: "kubernetes" }>;

const WIRE_BYTES = 2;

interface Envelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

/** The length-delimited fields of one message level, by number; undefined when malformed. */
function bytesFields(bytes: Uint8Array): Map<number, Uint8Array> | undefined {
  const reader = protobuf.Reader.create(bytes);
  const out = new Map<number, Uint8Array>();
  try {
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag >>> 3 === 0) return undefined;
      if ((tag & 7) === WIRE_BYTES) out.set(tag >>> 3, reader.bytes());
      else reader.skipType(tag & 7);
    }
  } catch {
    // protobufjs throws RangeError when a length or varint runs past the end: a truncated value.
    return undefined;
  }
  return out;
}

/** runtime.Unknown {typeMeta {apiVersion 1, kind 2} 1, raw 2, contentEncoding 3, contentType 4}. */
function readEnvelope(bytes: Uint8Array): Envelope | undefined {
  const unknown = bytesFields(bytes);
  const typeMetaBytes = unknown?.get(1);
  const raw = unknown?.get(2);
  if (!unknown || !typeMetaBytes || !raw) return undefined;
  const typeMeta = bytesFields(typeMetaBytes);
  if (!typeMeta) return undefined;
  const str = (fields: Map<number, Uint8Array>, n: number) => {
    const b = fields.get(n);
    return b ? bytesText(b) : "";
  };
  return {
    apiVersion: str(typeMeta, 1),
    kind: str(typeMeta, 2),
    raw,
    contentEncoding: str(unknown, 3),
    contentType: str(unknown, 4),
  };
}

function text(fields: ProtoField[] | undefined, n: number): string | undefined {
  return fields?.find((f) => f.field === n)?.text;
}

function message(fields: ProtoField[] | undefined, n: number): ProtoField[] | undefined {
  return fields?.find((f) => f.field === n)?.message;
}

/** ObjectMeta is field 1 of every top-level object; metav1.Time is {seconds 1, nanos 2}. */
function objectSummary(raw: ProtoField[]): KubernetesValue["object"] {
  const meta = message(raw, 1);
  const seconds = Number(message(meta, 8)?.find((f) => f.field === 1)?.value);
  const created =
    Number.isSafeInteger(seconds) && Math.abs(seconds) < 8.64e12
      ? new Date(seconds * 1000).toISOString().replace(".000Z", "Z")
      : undefined;
  const summary: KubernetesValue["object"] = {};
  const name = text(meta, 1);
  const namespace = text(meta, 3);
  const uid = text(meta, 5);
  if (name !== undefined) summary.name = name;
  if (namespace !== undefined) summary.namespace = namespace;
  if (uid !== undefined) summary.uid = uid;
  if (created !== undefined) summary.creationTimestamp = created;
  return summary;
}

/**
 * Decodes kube-apiserver's protobuf storage format: the `k8s\0` magic, a runtime.Unknown naming
 * apiVersion and kind, and the raw object as a schema-less field tree. A well-formed envelope
 * whose inner bytes are not protobuf keeps its apiVersion and kind, with the inner bytes as
 * hex. Undefined when the bytes are not an envelope, a truncated one included.
 */
export function decodeKubernetesEnvelope(bytes: Uint8Array): KubernetesValue | undefined {
  if (!startsWithBytes(bytes, K8S_MAGIC)) return undefined;
  const envelope = readEnvelope(bytes.subarray(K8S_MAGIC.length));
  if (!envelope) return undefined;
  const raw = decodeProtobufTree(envelope.raw);
  if (!raw) {
    return {
      format: "kubernetes",
      apiVersion: envelope.apiVersion,
      kind: envelope.kind,
      contentEncoding: envelope.contentEncoding,
      contentType: envelope.contentType,
      object: {},
      rawSize: envelope.raw.length,
      fields: [],
      rawBase64: bytesToBase64(envelope.raw),
      note: "The object's bytes are not protobuf (a type or encoding Raftscope cannot read), shown as hex",
    };
  }
  return {
    format: "kubernetes",
    apiVersion: envelope.apiVersion,
    kind: envelope.kind,
    contentEncoding: envelope.contentEncoding,
    contentType: envelope.contentType,
    object: objectSummary(raw.fields),
    rawSize: envelope.raw.length,
    fields: raw.fields,
    ...(raw.cut
      ? { note: "The field tree is cut short: the object has too many fields to show" }
      : {}),
  };
}
