import { describe, expect, it } from "vitest";
import { matchMember } from "./match-member";

const members = [
  { id: "8e9e05c52164694d", name: "cp-1", clientUrls: ["https://10.0.0.1:2379"] },
  { id: "91bc3c398fb3c146", name: "cp-2", clientUrls: ["https://10.0.0.2:2379"] },
  { id: "fd422379fda50e48", name: "cp-3", clientUrls: ["https://127.0.0.1:2379"] },
  { id: "2b7e1c4a7d1e0f31", name: "cp-4", clientUrls: ["https://127.0.0.1:2389"] },
];

describe("matchMember", () => {
  it("matches an instance label to the member's client URL, as Prometheus sets it", () => {
    expect(matchMember("10.0.0.2:2379", members)).toBe("91bc3c398fb3c146");
    expect(matchMember("127.0.0.1:2389", members)).toBe("2b7e1c4a7d1e0f31");
  });

  it("matches kubeadm's metrics port on the member's host, when the host is the member's alone", () => {
    expect(matchMember("10.0.0.1:2381", members)).toBe("8e9e05c52164694d");
    expect(matchMember("127.0.0.1:2381", members)).toBeUndefined();
  });

  it("matches names and ids, and nothing else", () => {
    expect(matchMember("cp-3", members)).toBe("fd422379fda50e48");
    expect(matchMember("91bc3c398fb3c146", members)).toBe("91bc3c398fb3c146");
    expect(matchMember("10.9.9.9:2379", members)).toBeUndefined();
    expect(matchMember("not a host", members)).toBeUndefined();
  });
});
