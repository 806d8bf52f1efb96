import fc from "fast-check";
import protobuf from "protobufjs/minimal";
import { describe, expect, it } from "vitest";
import { decodeProtobufTree } from "./protobuf-tree";

describe("decodeProtobufTree", () => {
  it("decodes each wire type and nests messages", () => {
    const w = protobuf.Writer.create();
    w.uint32((1 << 3) | 2).string("default");
    w.uint32((2 << 3) | 0).int64(-1);
    w.uint32((3 << 3) | 5).fixed32(7);
    w.uint32((4 << 3) | 2)
      .fork()
      .uint32((1 << 3) | 0)
      .uint32(42)
      .ldelim();
    w.uint32((5 << 3) | 2).bytes(Uint8Array.of(0xff, 0x00, 0x10));
    expect(decodeProtobufTree(w.finish())).toEqual({
      cut: false,
      fields: [
        { field: 1, wire: "bytes", text: "default", size: 7 },
        { field: 2, wire: "varint", value: "18446744073709551615" },
        { field: 3, wire: "fixed32", value: "7" },
        { field: 4, wire: "bytes", message: [{ field: 1, wire: "varint", value: "42" }], size: 2 },
        { field: 5, wire: "bytes", hex: "ff 00 10", size: 3 },
      ],
    });
  });

  it("rejects truncated and group-encoded input instead of guessing", () => {
    const w = protobuf.Writer.create();
    w.uint32((1 << 3) | 2).string("a longer string");
    const bytes = w.finish();
    expect(decodeProtobufTree(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
    expect(decodeProtobufTree(Uint8Array.of((1 << 3) | 3))).toBeUndefined();
    expect(decodeProtobufTree(Uint8Array.of(0x00, 0x01))).toBeUndefined();
  });

  it("stops at the field budget and says so", () => {
    const w = protobuf.Writer.create();
    for (let i = 0; i < 100; i++) w.uint32((1 << 3) | 0).uint32(i);
    const tree = decodeProtobufTree(w.finish(), { maxFields: 10 });
    expect(tree?.cut).toBe(true);
    expect(tree?.fields).toHaveLength(10);
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        decodeProtobufTree(bytes);
      }),
      { numRuns: 3_000 },
    );
  });

  it("survives deep nesting", () => {
    let inner: Uint8Array = protobuf.Writer.create()
      .uint32((1 << 3) | 0)
      .uint32(1)
      .finish();
    for (let i = 0; i < 200; i++) {
      inner = protobuf.Writer.create()
        .uint32((1 << 3) | 2)
        .bytes(inner)
        .finish();
    }
    expect(decodeProtobufTree(inner)).toBeDefined();
  });
});
