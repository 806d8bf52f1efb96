import { base64ToBytes, textBytes } from "../key-bytes";
import { isCoreSecretType, type SecretIdentity } from "./secret-identity";
import { withholdRevealing } from "./withheld-metadata";

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The first object in a parsed JSON or YAML tree that is a core v1 Secret: the top level, or
 * one nested anywhere (a v1 List's items). Walked with an explicit stack: a value nested
 * 60,000 deep must not overflow the call stack. Visits at most `maxNodes` nodes.
 */
export function findSecretObject(root: unknown, maxNodes = 1_000_000): Plain | undefined {
  const stack: unknown[] = [root];
  for (let visited = 0; stack.length > 0 && visited < maxNodes; visited++) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
    } else if (isPlain(node)) {
      if (isCoreSecretType(node.apiVersion, node.kind)) return node;
      for (const v of Object.values(node)) if (typeof v === "object" && v !== null) stack.push(v);
    }
  }
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function stringPairs(v: unknown): Array<[string, string]> {
  if (!isPlain(v)) return [];
  return Object.entries(v).map(([k, x]) => [
    k,
    typeof x === "string" ? x : (JSON.stringify(x) ?? ""),
  ]);
}

/** Values longer than this are sized but not looked for in labels and annotations. */
const MAX_NEEDLE_CHARS = 64 * 1024;

interface DataValue {
  size: number;
  /** The decoded bytes, for withholding labels and annotations that contain them. */
  bytes: Uint8Array | undefined;
}

/** A data value: `data` holds base64 (as the API writes it), `stringData` plain text. */
function dataValue(v: unknown, base64: boolean): DataValue {
  const text = typeof v === "string" ? v : (JSON.stringify(v) ?? "");
  const short = text.length <= MAX_NEEDLE_CHARS;
  if (base64 && text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    const size = (text.length / 4) * 3 - (text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0);
    return { size, bytes: short ? base64ToBytes(text) : undefined };
  }
  const bytes = textBytes(text);
  return { size: bytes.length, bytes: short ? bytes : undefined };
}

/** The identity of a Secret object read from JSON or YAML; see secretIdentitySchema. */
export function secretFromObject(
  secret: Plain,
  encoding: "json" | "yaml",
  nested: boolean,
): SecretIdentity {
  const meta = isPlain(secret.metadata) ? secret.metadata : {};
  const data = [
    ...Object.entries(isPlain(secret.data) ? secret.data : {}).map(
      ([k, v]): [string, DataValue] => [k, dataValue(v, true)],
    ),
    ...Object.entries(isPlain(secret.stringData) ? secret.stringData : {}).map(
      ([k, v]): [string, DataValue] => [k, dataValue(v, false)],
    ),
  ];
  const dataValues = data.flatMap(([, v]) => (v.bytes ? [v.bytes] : []));
  const identity: SecretIdentity = {
    encoding,
    apiVersion: str(secret.apiVersion) ?? "",
    kind: "Secret",
    labels: withholdRevealing(stringPairs(meta.labels), dataValues),
    annotations: withholdRevealing(stringPairs(meta.annotations), dataValues),
    data: data
      .map(([key, v]) => ({ key, size: v.size }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
  const optional = {
    name: str(meta.name),
    namespace: str(meta.namespace),
    uid: str(meta.uid),
    creationTimestamp: str(meta.creationTimestamp),
    type: str(secret.type),
    immutable: typeof secret.immutable === "boolean" ? secret.immutable : undefined,
    note: nested
      ? "The Secret is nested inside the stored object; its identity is shown"
      : undefined,
  };
  for (const [k, v] of Object.entries(optional)) {
    if (v !== undefined) Object.assign(identity, { [k]: v });
  }
  return identity;
}
