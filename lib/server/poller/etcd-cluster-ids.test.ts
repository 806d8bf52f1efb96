import { describe, expect, it } from "vitest";
import { EtcdClusterIds } from "./etcd-cluster-ids";

describe("EtcdClusterIds", () => {
  it("names the other entries that reached the same etcd cluster, and follows an entry that moves", () => {
    const ids = new EtcdClusterIds();
    ids.set("stacked", "cdf818194e3a8c32");
    ids.set("external", "cdf818194e3a8c32");
    ids.set("other", "8e9e05c52164694d");
    expect(ids.othersWith("stacked", "cdf818194e3a8c32")).toEqual(["external"]);
    expect(ids.othersWith("other", "8e9e05c52164694d")).toEqual([]);
    // An entry not heard from yet (empty ID) matches nothing.
    expect(ids.othersWith("new", "")).toEqual([]);
    ids.set("external", "8e9e05c52164694d");
    expect(ids.othersWith("stacked", "cdf818194e3a8c32")).toEqual([]);
    expect(ids.othersWith("other", "8e9e05c52164694d")).toEqual(["external"]);
  });
});
