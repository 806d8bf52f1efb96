import protobuf from "protobufjs/minimal";
import { strictUtf8 } from "../key-bytes";
import type { ProtoField } from "./decoded-value";

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_BYTES = 2;
const WIRE_FIXED32 = 5;
const MAX_DEPTH = 32;
const HEX_PREVIEW_BYTES = 64;

export interface ProtoTreeOptions {
  /** Stop after this many fields in all; the tree is then marked cut. */
  maxFields?: number;
}

export interface ProtoTree {
  fields: ProtoField[];
  /** True when maxFields was reached and later fields are missing. */
  cut: boolean;
}

/** Printable text: no control characters but tab, newline and carriage return. */
export function isPrintable(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point.
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, HEX_PREVIEW_BYTES), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join(" ");
}

class Budget {
  used = 0;
  constructor(readonly max: number) {}
  get spent(): boolean {
    return this.used >= this.max;
  }
}

/** Fields of `bytes` as a message, or undefined when they are not one (exactly, to the end). */
function parseMessage(bytes: Uint8Array, depth: number, budget: Budget): ProtoField[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const reader = protobuf.Reader.create(bytes);
  const fields: ProtoField[] = [];
  try {
    while (reader.pos < reader.len) {
      if (budget.spent) return fields;
      const tag = reader.uint32();
      const field = tag >>> 3;
      const wire = tag & 7;
      if (field === 0) return undefined;
      budget.used++;
      if (wire === WIRE_VARINT) {
        fields.push({ field, wire: "varint", value: String(reader.uint64()) });
      } else if (wire === WIRE_FIXED64) {
        fields.push({ field, wire: "fixed64", value: String(reader.fixed64()) });
      } else if (wire === WIRE_FIXED32) {
        fields.push({ field, wire: "fixed32", value: String(reader.fixed32()) });
      } else if (wire === WIRE_BYTES) {
        fields.push(lengthDelimited(field, reader.bytes(), depth, budget));
      } else {
        // Groups (3, 4) are long deprecated and 6, 7 do not exist: not a message we can show.
        return undefined;
      }
    }
  } catch {
    // protobufjs throws RangeError on a length or varint that runs past the end.
    return undefined;
  }
  return fields;
}

function lengthDelimited(
  field: number,
  bytes: Uint8Array,
  depth: number,
  budget: Budget,
): ProtoField {
  const size = bytes.length;
  const text = strictUtf8(bytes);
  // Text that starts like text is text; a nested message starts with a tag, usually a control byte.
  if (text !== undefined && isPrintable(text) && !/^[\t\n\r]/.test(text)) {
    return { field, wire: "bytes", text, size };
  }
  if (size > 0) {
    const before = budget.used;
    const message = parseMessage(bytes, depth + 1, budget);
    if (message && message.length > 0) return { field, wire: "bytes", message, size };
    budget.used = before;
  }
  if (text !== undefined && isPrintable(text)) return { field, wire: "bytes", text, size };
  return { field, wire: "bytes", hex: hex(bytes), size };
}

/**
 * Decodes `bytes` as a protobuf message without its schema, with protobufjs's Reader: numbers
 * for varint and fixed fields, and for length-delimited ones text, a nested message or a hex
 * preview, whichever fits. Undefined when the bytes are not a well-formed message.
 */
export function decodeProtobufTree(
  bytes: Uint8Array,
  opts: ProtoTreeOptions = {},
): ProtoTree | undefined {
  const budget = new Budget(opts.maxFields ?? 20_000);
  const fields = parseMessage(bytes, 0, budget);
  return fields ? { fields, cut: budget.spent } : undefined;
}
