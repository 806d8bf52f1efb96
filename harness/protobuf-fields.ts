import protobuf from "protobufjs";

// protobufjs is CommonJS without named-export hints; only the default import works under both
// tsx (CommonJS) and vitest (native ESM).
const { Writer } = protobuf;

export type ProtoWriter = protobuf.Writer;

const VARINT = 0;
const LENGTH_DELIMITED = 2;

/** Small field writers over protobufjs's Writer: wire format without generated classes. */
export const field = {
  string(w: ProtoWriter, n: number, value: string | undefined): void {
    if (value !== undefined) w.uint32((n << 3) | LENGTH_DELIMITED).string(value);
  },
  strings(w: ProtoWriter, n: number, values: readonly string[]): void {
    for (const value of values) field.string(w, n, value);
  },
  bytes(w: ProtoWriter, n: number, value: Uint8Array): void {
    w.uint32((n << 3) | LENGTH_DELIMITED).bytes(value);
  },
  int(w: ProtoWriter, n: number, value: number | undefined): void {
    if (value !== undefined) w.uint32((n << 3) | VARINT).int64(value);
  },
  bool(w: ProtoWriter, n: number, value: boolean | undefined): void {
    if (value !== undefined) w.uint32((n << 3) | VARINT).bool(value);
  },
  message(w: ProtoWriter, n: number, write: (w: ProtoWriter) => void): void {
    w.uint32((n << 3) | LENGTH_DELIMITED).fork();
    write(w);
    w.ldelim();
  },
  /** A proto3 map: one {1: key, 2: value} entry message per pair. */
  map(w: ProtoWriter, n: number, entries: Record<string, string | Uint8Array> = {}): void {
    for (const [key, value] of Object.entries(entries)) {
      field.message(w, n, (entry) => {
        field.string(entry, 1, key);
        if (typeof value === "string") field.string(entry, 2, value);
        else field.bytes(entry, 2, value);
      });
    }
  },
};

/** Encodes one message with `write` and returns its bytes. */
export function encodeMessage(write: (w: ProtoWriter) => void): Buffer {
  const w = Writer.create();
  write(w);
  return Buffer.from(w.finish());
}
