import { describe, expect, it } from "vitest";
import { eventTypes } from "@/lib/events/cluster-event";
import { eventCategory, eventFilterParam, parseEventFilter } from "./event-categories";

describe("event categories", () => {
  it("puts every event type in a category", () => {
    for (const t of eventTypes) expect(eventCategory(t)).toBeDefined();
    expect(eventCategory("term_changed")).toBe("leader");
  });

  it("reads the URL filter, ignoring unknown names, and shows all when empty", () => {
    expect(parseEventFilter("quorum,leader,bogus")).toEqual(["leader", "quorum"]);
    const all = ["leader", "quorum", "members", "alarms", "raftscope"];
    expect(parseEventFilter(null)).toEqual(all);
    expect(parseEventFilter("bogus")).toEqual(all);
  });

  it("writes no parameter for all categories", () => {
    expect(eventFilterParam(["leader", "quorum", "members", "alarms", "raftscope"])).toBeNull();
    expect(eventFilterParam(["quorum", "leader"])).toBe("leader,quorum");
  });
});
