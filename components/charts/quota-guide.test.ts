import { describe, expect, it } from "vitest";
import { makeHistory } from "@/lib/alerts/make-history";
import { quotaGuide } from "./quota-guide";

const GIB = 1024 ** 3;

describe("quotaGuide", () => {
  it("draws the quota once a member uses a fifth of it", () => {
    const points = makeHistory({
      minutes: 1,
      sample: () => ({ dbSizeBytes: 0.5 * GIB, quotaBackendBytes: 2 * GIB }),
    });
    expect(quotaGuide(points, 2 * GIB)).toEqual({
      line: { value: 2 * GIB, label: "quota 2.0 GiB" },
      note: null,
    });
  });

  it("says the quota in words while the database is small, naming the default", () => {
    const points = makeHistory({ minutes: 1, sample: () => ({ dbSizeBytes: 20 * 1024 ** 2 }) });
    const g = quotaGuide(points, 2 * GIB);
    expect(g.line).toBeNull();
    expect(g.note).toContain("1.0 % of its quota 2.0 GiB (etcd default)");
  });
});
