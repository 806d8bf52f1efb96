import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lastFlag, listFlag, parseCommandFlags } from "./command-flags";

describe("parseCommandFlags", () => {
  it("reads --flag=value, --flag value, -flag value and booleans", () => {
    const flags = parseCommandFlags([
      "etcd",
      "--name=cp-1",
      "--advertise-client-urls",
      "https://10.0.0.1:2379",
      "--client-cert-auth",
      "-data-dir",
      "/var/lib/etcd",
      "--snapshot-count=",
      "--peer-auto-tls",
    ]);
    expect(lastFlag(flags, "name")).toBe("cp-1");
    expect(lastFlag(flags, "advertise-client-urls")).toBe("https://10.0.0.1:2379");
    expect(lastFlag(flags, "client-cert-auth")).toBe("true");
    expect(lastFlag(flags, "data-dir")).toBe("/var/lib/etcd");
    expect(lastFlag(flags, "snapshot-count")).toBe("");
    expect(lastFlag(flags, "peer-auto-tls")).toBe("true");
  });

  it("lets a repeated flag's last value win, and stops at --", () => {
    const flags = parseCommandFlags(["--name=a", "--name=b", "--", "--name=c"]);
    expect(flags.get("name")).toEqual(["a", "b"]);
    expect(lastFlag(flags, "name")).toBe("b");
  });

  it("splits URL lists on commas and drops empty items", () => {
    const flags = parseCommandFlags(["--etcd-servers=https://a:2379, https://b:2379,"]);
    expect(listFlag(flags, "etcd-servers")).toEqual(["https://a:2379", "https://b:2379"]);
    expect(listFlag(flags, "absent")).toEqual([]);
  });

  it("reads a value back the same in either form", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z-]{0,20}$/),
        fc.stringMatching(/^[^-\s][^\s]{0,30}$/),
        fc.boolean(),
        (name, value, separate) => {
          const argv = separate ? [`--${name}`, value] : [`--${name}=${value}`];
          expect(lastFlag(parseCommandFlags(argv), name)).toBe(value);
        },
      ),
    );
  });
});
