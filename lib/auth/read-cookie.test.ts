import { describe, expect, it } from "vitest";
import { readBearerToken, readCookie } from "./read-cookie";

describe("readCookie", () => {
  it("finds one cookie among several", () => {
    expect(readCookie("a=1; raftscope_session=x.y; b=2", "raftscope_session")).toBe("x.y");
    expect(readCookie("xraftscope_session=1", "raftscope_session")).toBeUndefined();
    expect(readCookie(null, "a")).toBeUndefined();
    expect(readCookie("a=%zz", "a")).toBe("%zz");
  });
});

describe("readBearerToken", () => {
  it("takes one token after the scheme, case-insensitively", () => {
    expect(readBearerToken("Bearer s3cret-token")).toBe("s3cret-token");
    expect(readBearerToken("bearer   abc ")).toBe("abc");
    expect(readBearerToken("Basic abc")).toBeUndefined();
    expect(readBearerToken("Bearer a b")).toBeUndefined();
    expect(readBearerToken("Bearer ")).toBeUndefined();
  });
});
