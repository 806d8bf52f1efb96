import { describe, expect, it } from "vitest";
import { rangeToHistory } from "./range-to-history";

const members = [
  { id: "a1", name: "m1", clientUrls: ["https://127.0.0.1:2379"] },
  { id: "b2", name: "m2", clientUrls: ["https://127.0.0.1:2389"] },
];

describe("rangeToHistory", () => {
  it("lays every field's series out per step and member, in time order", () => {
    const points = rangeToHistory({
      memberLabel: "instance",
      members,
      results: {
        dbSizeBytes: [
          {
            labels: { instance: "127.0.0.1:2389" },
            samples: [
              [2000, 30],
              [1000, 20],
            ],
          },
          { labels: { instance: "127.0.0.1:2379" }, samples: [[1000, 10]] },
        ],
        reachable: [
          { labels: { instance: "127.0.0.1:2379" }, samples: [[1000, 1]] },
          {
            labels: { instance: "127.0.0.1:2389" },
            samples: [
              [1000, 0],
              [2000, 1],
            ],
          },
        ],
        walFsyncP99Seconds: [
          { labels: { instance: "127.0.0.1:2379" }, samples: [[1000, Number.NaN]] },
        ],
      },
    });
    expect(points).toEqual([
      {
        t: 1000,
        leaderId: null,
        raftTerm: null,
        members: {
          a1: { reachable: true, dbSizeBytes: 10 },
          b2: { reachable: false, dbSizeBytes: 20 },
        },
      },
      {
        t: 2000,
        leaderId: null,
        raftTerm: null,
        members: { b2: { reachable: true, dbSizeBytes: 30 } },
      },
    ]);
  });

  it("leaves out series that name no current member or lack the member label", () => {
    const points = rangeToHistory({
      memberLabel: "instance",
      members,
      results: {
        dbSizeBytes: [
          { labels: { instance: "10.0.0.9:2379" }, samples: [[1000, 1]] },
          { labels: { job: "etcd" }, samples: [[1000, 1]] },
        ],
      },
    });
    expect(points).toEqual([]);
  });
});
