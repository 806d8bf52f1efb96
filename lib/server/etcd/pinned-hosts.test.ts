import { describe, expect, it } from "vitest";
import { dialTarget, pinHost } from "./pinned-hosts";

describe("dialTarget", () => {
  it("dials a pinned name by address and keeps the name for TLS", () => {
    pinHost("etcd-1.Example.test", "10.0.0.7");
    const t = dialTarget("https://etcd-1.example.test:2379");
    expect(t.url.origin).toBe("https://10.0.0.7:2379");
    expect(t.serverName).toBe("etcd-1.example.test");
  });

  it("dials other names and addresses as written", () => {
    expect(dialTarget("https://other.example.test:2379").url.host).toBe("other.example.test:2379");
    expect(dialTarget("https://other.example.test:2379").serverName).toBe("other.example.test");
    expect(dialTarget("https://[::1]:2379").serverName).toBeUndefined();
  });
});
