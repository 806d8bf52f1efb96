import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { systemdExecStart } from "./systemd-exec-start";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

describe("systemdExecStart", () => {
  it("joins continuation lines, skips comment lines and unquotes", () => {
    const argv = systemdExecStart(fixture("kube-apiserver.service"));
    expect(argv?.[0]).toBe("/usr/local/bin/kube-apiserver");
    expect(argv).toContain("--etcd-certfile");
    expect(argv).toContain("/var/lib/kubernetes/kubernetes.pem");
    expect(argv).toContain("--etcd-keyfile=/var/lib/kubernetes/kubernetes-key.pem");
    expect(argv).toContain("--etcd-servers=https://10.240.0.20:2379,https://10.240.0.21:2379");
    expect(argv).not.toContain("#");
    expect(argv?.at(-1)).toBe("--v=2");
  });

  it("drops the -@:+! prefixes of the path", () => {
    expect(systemdExecStart(fixture("etcd.service"))?.[0]).toBe("/usr/local/bin/etcd");
  });

  it("takes the last ExecStart= of [Service] only, and an empty one resets", () => {
    const unit = "[Unit]\nExecStart=/bin/no\n[Service]\nExecStart=/bin/a\nExecStart=/bin/b x\n";
    expect(systemdExecStart(unit)).toEqual(["/bin/b", "x"]);
    expect(systemdExecStart("[Service]\nExecStart=/bin/a\nExecStart=\n")).toBeUndefined();
    expect(systemdExecStart("[Service]\nType=notify\n")).toBeUndefined();
  });

  it("applies C escapes inside and outside quotes", () => {
    expect(systemdExecStart('[Service]\nExecStart=/bin/a "x\\"y" \'a b\' c\\ d\n')).toEqual([
      "/bin/a",
      'x"y',
      "a b",
      "c d",
    ]);
  });

  it("reads back any words quoted the way systemd documents", () => {
    const quote = (w: string) => `"${w.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 0, maxLength: 12 }), { maxLength: 6 }),
        (words) => {
          const safe = words.map((w) => w.replace(/[\r\n]/g, " "));
          const unit = `[Service]\nExecStart=/bin/x ${safe.map(quote).join(" ")}\n`;
          expect(systemdExecStart(unit)).toEqual(["/bin/x", ...safe]);
        },
      ),
    );
  });
});
