import { describe, expect, it } from "vitest";
import type { CertificateInfo } from "./certificate-info";
import { EXPIRY_WARNING_DAYS, expiryWarning } from "./expiry";

const DAY = 24 * 3600 * 1000;
const validTo = Date.parse("2027-01-31T00:00:00Z");
const info: CertificateInfo = {
  subject: "CN=raftscope",
  issuer: "CN=Raftscope harness CA",
  validFrom: Date.parse("2026-01-31T00:00:00Z"),
  validTo,
  subjectAltNames: [],
  fingerprint256: "AA",
  serialNumber: "01",
};

describe("expiryWarning", () => {
  it("stays quiet with more than 30 days left", () => {
    expect(expiryWarning(info, validTo - EXPIRY_WARNING_DAYS * DAY - 1)).toBeNull();
  });

  it("warns from exactly 30 days before expiry", () => {
    expect(expiryWarning(info, validTo - 30 * DAY)).toEqual({ kind: "expiring", daysLeft: 30 });
    expect(expiryWarning(info, validTo - 29.5 * DAY)).toEqual({ kind: "expiring", daysLeft: 29 });
  });

  it("counts the last day as 0 days left, and the end instant as still valid", () => {
    expect(expiryWarning(info, validTo - 3600_000)).toEqual({ kind: "expiring", daysLeft: 0 });
    expect(expiryWarning(info, validTo)).toEqual({ kind: "expiring", daysLeft: 0 });
  });

  it("reports an expired certificate with how long ago", () => {
    expect(expiryWarning(info, validTo + 1)).toEqual({ kind: "expired", daysAgo: 0 });
    expect(expiryWarning(info, validTo + 3.2 * DAY)).toEqual({ kind: "expired", daysAgo: 3 });
  });

  it("reports a certificate that is not valid yet", () => {
    expect(expiryWarning(info, info.validFrom - 2.5 * DAY)).toEqual({
      kind: "not-yet-valid",
      daysUntilValid: 2,
    });
  });
});
