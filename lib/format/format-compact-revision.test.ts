import { describe, expect, it } from "vitest";
import { compactRevisionText } from "./format-compact-revision";

describe("compactRevisionText", () => {
  it("says never compacted for etcd's -1, and shows a real revision as it is", () => {
    expect(compactRevisionText(-1)).toBe("never compacted");
    expect(compactRevisionText(4821)).toBe("4821");
    expect(compactRevisionText(null)).toBe("—");
  });
});
