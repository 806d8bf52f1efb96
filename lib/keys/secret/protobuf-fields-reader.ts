import protobuf from "protobufjs/minimal";

const WIRE_VARINT = 0;
const WIRE_BYTES = 2;

/** One message level's fields by number: length-delimited ones as bytes, varints as numbers. */
export interface ReadFields {
  bytes: Map<number, Uint8Array[]>;
  varints: Map<number, number>;
  /** The bytes stopped being a message before their end: what came before is kept. */
  malformed: boolean;
}

/**
 * Reads one protobuf message level leniently: fields up to the first malformed byte are kept,
 * so a truncated or padded value still says what it is. Wire format per protobuf's encoding guide.
 */
export function readFields(bytes: Uint8Array): ReadFields {
  const reader = protobuf.Reader.create(bytes);
  const out: ReadFields = { bytes: new Map(), varints: new Map(), malformed: false };
  try {
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      const field = tag >>> 3;
      const wire = tag & 7;
      if (field === 0 || wire === 3 || wire === 4 || wire > 5) {
        out.malformed = true;
        return out;
      }
      if (wire === WIRE_BYTES) {
        const list = out.bytes.get(field) ?? [];
        list.push(reader.bytes());
        out.bytes.set(field, list);
      } else if (wire === WIRE_VARINT) {
        out.varints.set(field, Number(reader.uint64()));
      } else {
        reader.skipType(wire);
      }
    }
  } catch {
    // protobufjs throws RangeError when a length or varint runs past the end.
    out.malformed = true;
  }
  return out;
}

/** The first length-delimited value of field `n`. */
export function firstBytes(fields: ReadFields, n: number): Uint8Array | undefined {
  return fields.bytes.get(n)?.[0];
}

/** A proto3 map<string, V> field: one {1: key, 2: value} entry message per pair. */
export function mapEntries(fields: ReadFields, n: number): Array<[Uint8Array, Uint8Array]> {
  return (fields.bytes.get(n) ?? []).map((entry) => {
    const e = readFields(entry);
    return [firstBytes(e, 1) ?? new Uint8Array(), firstBytes(e, 2) ?? new Uint8Array()];
  });
}
