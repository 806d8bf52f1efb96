import { describe, expect, it } from "vitest";
import { bytesText, textBytes as t } from "./key-bytes";
import { slashedAlternative } from "./slashed-alternative";

const alt = (target: string, sep = "/") => {
  const out = slashedAlternative(t(target), t(sep));
  return out && bytesText(out);
};

describe("slashedAlternative", () => {
  it("puts back the leading separator a natural URL leaves out", () => {
    expect(alt("registry/pods")).toBe("/registry/pods");
    expect(alt("registry/")).toBe("/registry/");
    expect(alt("a:b", ":")).toBe(":a:b");
  });

  it("has nothing to offer for the root or a key that already starts with it", () => {
    expect(alt("")).toBeUndefined();
    expect(alt("/registry/pods")).toBeUndefined();
  });
});
