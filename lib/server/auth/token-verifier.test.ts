import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TokenVerifier } from "./token-verifier";

describe("TokenVerifier", () => {
  it("accepts exactly the configured token", async () => {
    const v = TokenVerifier.fromToken("correct horse battery staple");
    expect(await v.verify("correct horse battery staple")).toBe("ok");
    expect(await v.verify("correct horse battery stapl")).toBe("wrong");
    expect(await v.verify("")).toBe("wrong");
  });

  it("checks against an scrypt hash, before and after the first success", async () => {
    const salt = randomBytes(16);
    const N = 2 ** 14;
    const hash = scryptSync("s3cret-token-value", salt, 32, { N, r: 8, p: 1 });
    const v = TokenVerifier.fromHash({
      N,
      r: 8,
      p: 1,
      salt: salt.toString("base64"),
      hash: hash.toString("base64"),
    });
    expect(await v.verify("wrong-token-value")).toBe("wrong");
    expect(await v.verify("s3cret-token-value")).toBe("ok");
    expect(await v.verify("s3cret-token-value")).toBe("ok");
    expect(await v.verify("wrong-token-value")).toBe("wrong");
  });
});
