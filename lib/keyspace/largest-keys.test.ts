import { describe, expect, it } from "vitest";
import { LargestKeys } from "./largest-keys";

describe("LargestKeys", () => {
  it("keeps the largest, largest first, replacing a key's old size", () => {
    const top = new LargestKeys(3);
    for (const [key, bytes] of [
      ["a", 5],
      ["b", 50],
      ["c", 1],
      ["d", 20],
      ["e", 30],
    ] as const)
      top.offer(key, bytes);
    expect(top.entries).toEqual([
      { key: "b", bytes: 50 },
      { key: "e", bytes: 30 },
      { key: "d", bytes: 20 },
    ]);
    top.offer("b", 2);
    expect(top.entries.map((e) => e.key)).toEqual(["e", "d", "b"]);
    top.remove("e");
    expect(top.entries.map((e) => e.key)).toEqual(["d", "b"]);
  });
});
