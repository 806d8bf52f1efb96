import { describe, expect, it } from "vitest";
import { describeLabels } from "./describe-labels";

const names: Record<string, string> = { "8e9e05c52164694d": "m1", "91bc3c398fb3c146": "m2" };
const name = (id: string) => names[id] ?? id;

describe("describeLabels", () => {
  it("names the method, the member and the peer", () => {
    expect(
      describeLabels(
        {
          job: "etcd",
          instance: "8e9e05c52164694d",
          grpc_service: "etcdserverpb.Watch",
          grpc_method: "Watch",
        },
        name,
      ),
    ).toBe("Watch on m1");
    expect(describeLabels({ instance: "8e9e05c52164694d", To: "91bc3c398fb3c146" }, name)).toBe(
      "on m1 to m2",
    );
    expect(describeLabels({ job: "etcd" }, name)).toBe("");
  });
});
