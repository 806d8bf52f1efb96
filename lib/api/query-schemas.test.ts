import { describe, expect, it } from "vitest";
import { eventsQuerySchema, historyQuerySchema, parseQuery } from "./query-schemas";

const history = (q: string) => parseQuery(historyQuerySchema, new URLSearchParams(q));
const problem = (q: string): string => {
  try {
    history(q);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  return "accepted";
};

describe("parseQuery", () => {
  it("reads decimal counts and applies defaults", () => {
    expect(history("")).toEqual({ window: "15m", points: 600 });
    expect(history("window=1h&points=511&unknown=1&unknown=2")).toEqual({
      window: "1h",
      points: 511,
    });
    expect(parseQuery(eventsQuerySchema, new URLSearchParams("limit=1000"))).toEqual({
      limit: 1000,
    });
  });

  it("refuses what a number coercion would read as something else, naming the parameter", () => {
    for (const bad of ["0x10", "1e2", " 50", "50.0", "-20", ""]) {
      expect(problem(`points=${encodeURIComponent(bad)}`), bad).toContain(
        "points must be a whole number, in decimal digits",
      );
    }
    expect(problem("points=9")).toContain("points must be at least 10");
    expect(problem("points=3601")).toContain("points must be at most 3600");
  });

  it("refuses a parameter given twice instead of serving one of them", () => {
    expect(problem("window=5m&window=1h")).toContain("window is given 2 times; give it once");
  });
});
