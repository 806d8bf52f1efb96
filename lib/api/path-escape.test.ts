import { describe, expect, it } from "vitest";
import { malformedPathEscape } from "./path-escape";

describe("malformedPathEscape", () => {
  it("accepts paths whose escapes are all two hex digits, in either case", () => {
    expect(malformedPathEscape("/clusters/demo/keys/~/registry/pods/~")).toBeUndefined();
    expect(malformedPathEscape("/clusters/demo/keys/~/k%25fe/%2f%2F")).toBeUndefined();
  });

  it("names the first malformed escape and where it is", () => {
    expect(malformedPathEscape("/clusters/demo/keys/~/%ZZ")).toBe(
      'The address is malformed: "%" at position 22 must be followed by two hex digits (write a literal "%" as %25)',
    );
    expect(malformedPathEscape("/clusters/demo/keys/~/a%2")).toMatch(/position 23/);
    expect(malformedPathEscape("/clusters/%")).toMatch(/position 10/);
    expect(malformedPathEscape("/x/%41%G1")).toMatch(/position 6/);
  });
});
