import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { staticPodCommand } from "./static-pod-command";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

describe("staticPodCommand", () => {
  it("reads command then args of the named container", () => {
    const argv = staticPodCommand(fixture("kubeadm-etcd.yaml"), "etcd");
    expect(argv[0]).toBe("etcd");
    expect(argv).toContain("--name=cp-1");
    const pod =
      "kind: Pod\nspec:\n  containers:\n  - name: side\n    command: [x]\n  - name: etcd\n    command: [etcd]\n    args: [--name=a]\n";
    expect(staticPodCommand(pod, "etcd")).toEqual(["etcd", "--name=a"]);
  });

  it("names what is wrong with a manifest that is not a Pod", () => {
    expect(() => staticPodCommand("kind: Deployment\n", "etcd")).toThrow(
      /kind: expected kind "Pod"/,
    );
    expect(() => staticPodCommand("kind: Pod\nspec: {containers: []}\n", "etcd")).toThrow(
      /spec\.containers: expected at least one container/,
    );
    expect(() => staticPodCommand("kind: [", "etcd")).toThrow(/not valid YAML/);
  });
});
