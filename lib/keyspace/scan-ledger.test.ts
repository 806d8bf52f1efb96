import { describe, expect, it } from "vitest";
import { ScanLedger } from "./scan-ledger";

describe("ScanLedger", () => {
  it("skips changes to keys not scanned yet: a later page reads them", () => {
    const ledger = new ScanLedger();
    expect(ledger.applies("/a", 5)).toBe(false);
    ledger.record("/m", 10);
    expect(ledger.applies("/z", 11)).toBe(false);
  });

  it("skips changes a page already holds, applies later ones", () => {
    const ledger = new ScanLedger();
    ledger.record("/m", 10);
    ledger.record("/t", 14);
    expect(ledger.applies("/a", 9)).toBe(false);
    expect(ledger.applies("/a", 10)).toBe(false);
    expect(ledger.applies("/n", 12)).toBe(false);
    expect(ledger.applies("/a", 12)).toBe(true);
    expect(ledger.applies("/n", 15)).toBe(true);
  });

  it("applies everything past the revision of the last page once complete", () => {
    const ledger = new ScanLedger();
    ledger.record("/m", 10);
    ledger.record(null, 12);
    expect(ledger.complete).toBe(true);
    expect(ledger.applies("/z", 12)).toBe(false);
    expect(ledger.applies("/z", 13)).toBe(true);
    expect(ledger.applies("/a", 13)).toBe(true);
  });
});
