import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readTokenFile } from "./read-token-file";

function tokenFile(content: string, mode: number): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "raftscope-token-")), "token");
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}

describe("readTokenFile", () => {
  it("reads an owner-only file without its trailing newline", () => {
    expect(readTokenFile(tokenFile("0123456789abcdef\n", 0o600))).toBe("0123456789abcdef");
    expect(readTokenFile(tokenFile("0123456789abcdef", 0o400))).toBe("0123456789abcdef");
  });

  it("refuses a file its group or others can reach, naming the variable and the fix", () => {
    for (const mode of [0o644, 0o640, 0o604, 0o620]) {
      const file = tokenFile("0123456789abcdef", mode);
      expect(() => readTokenFile(file)).toThrow(
        `RAFTSCOPE_AUTH_TOKEN_FILE: ${file} has mode ${mode.toString(8)}`,
      );
    }
  });

  it("refuses a short token, several lines, and a missing file", () => {
    expect(() => readTokenFile(tokenFile("short\n", 0o600))).toThrow(/16 to 1024 characters/);
    expect(() => readTokenFile(tokenFile("0123456789abcdef\nsecond", 0o600))).toThrow(
      /control byte 0x0a at position 17/,
    );
    expect(() => readTokenFile("/nonexistent/raftscope-token")).toThrow(
      "RAFTSCOPE_AUTH_TOKEN_FILE: cannot read /nonexistent/raftscope-token: ENOENT",
    );
  });

  it("refuses tokens that cannot be sent as a Bearer token or are plainly guessable, saying why", () => {
    const cases: Array<[string | Buffer, RegExp]> = [
      ["aaaaaaaaaaaaaaaa", /"a" repeated/],
      ["abcabcabcabcabcabc", /"abc" repeated/],
      [" ".repeat(16), /a space at position 1.*Bearer/],
      ["0123456789abcdef ", /a space at position 17/],
      [Buffer.alloc(16, 0xff), /byte 0xff, which is not ASCII/],
      [Buffer.from("0123456789abcdéf"), /not ASCII/],
      ["aaaaaaaaaaaaaaab", /too predictable \(about 5 bits/],
    ];
    for (const [content, message] of cases) {
      expect(() => readTokenFile(tokenFile(content as string, 0o600)), String(content)).toThrow(
        message,
      );
    }
    const generated = "Zk3v9Qp2Lx7Tn4Rw8Jc6Hy1Bm5Ds0Fa=";
    expect(readTokenFile(tokenFile(`${generated}\r\n`, 0o600))).toBe(generated);
  });
});
