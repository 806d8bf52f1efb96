import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { confirmFacts, type PendingFacts } from "./confirm-facts";

describe("confirmFacts", () => {
  it("confirms a fact seen in two verdicts at least confirmMs apart", () => {
    const a = confirmFacts({}, ["down:m1"], 0, 1000);
    expect(a.confirmed.size).toBe(0);
    const b = confirmFacts(a.pending, ["down:m1"], 500, 1000);
    expect(b.confirmed.size).toBe(0);
    const c = confirmFacts(b.pending, ["down:m1"], 1000, 1000);
    expect([...c.confirmed]).toEqual(["down:m1"]);
  });

  it("starts again when a fact is missing from one verdict", () => {
    const a = confirmFacts({}, ["quorum-lost"], 0, 1000);
    const b = confirmFacts(a.pending, [], 1000, 1000);
    const c = confirmFacts(b.pending, ["quorum-lost"], 2000, 1000);
    expect(c.confirmed.size).toBe(0);
  });

  it("never confirms anything from a single verdict, whatever came before", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 20 }), (seen) => {
        let pending: PendingFacts = {};
        seen.forEach((holds, i) => {
          pending = confirmFacts(pending, holds ? ["f"] : [], i * 1000, 1000).pending;
        });
        const last = confirmFacts(pending, ["f"], seen.length * 1000, 1000);
        const previousHeld = seen.at(-1) === true;
        if (!previousHeld) expect(last.confirmed.has("f")).toBe(false);
      }),
    );
  });
});
