import { describe, expect, it } from "vitest";
import { quorumOf } from "./quorum";
import { toleranceText } from "./tolerance-text";

describe("toleranceText", () => {
  it("says how many more members can be lost", () => {
    expect(toleranceText(quorumOf(5, 5), true)).toBe("Can lose 2 more members before writes stop");
    expect(toleranceText(quorumOf(3, 3), true)).toBe("Can lose 1 more member before writes stop");
    expect(toleranceText(quorumOf(3, 2), true)).toBe(
      "Can lose no more members: one more failure stops writes",
    );
  });

  it("says writes fail when quorum is lost, or while there is no leader", () => {
    expect(toleranceText(quorumOf(3, 1), false)).toBe("Quorum lost: writes are failing");
    expect(toleranceText(quorumOf(3, 3), false)).toMatch(/^No leader/);
  });

  it("names a NOSPACE alarm as the reason writes fail", () => {
    expect(toleranceText(quorumOf(3, 3), false, [{ code: "ALARM_NOSPACE", message: "" }])).toMatch(
      /^NOSPACE alarm/,
    );
  });

  it("admits when nothing is known", () => {
    expect(toleranceText(quorumOf(0, 0), false)).toMatch(/unknown/);
  });
});
