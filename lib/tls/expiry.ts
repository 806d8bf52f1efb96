import { thresholds } from "../health/thresholds";
import type { CertificateInfo } from "./certificate-info";

/** Certificates are flagged this many days before they expire. */
export const EXPIRY_WARNING_DAYS = thresholds.certExpiryWarningDays;

const DAY_MS = 24 * 3600 * 1000;

export type ExpiryWarning =
  | { kind: "expiring"; daysLeft: number }
  | { kind: "expired"; daysAgo: number }
  | { kind: "not-yet-valid"; daysUntilValid: number };

/**
 * Why a certificate needs attention at `now` (epoch ms), or null while more than
 * EXPIRY_WARNING_DAYS of its validity are left. Day counts are whole days, rounded down, so
 * "0 days left" means it expires within 24 hours.
 */
export function expiryWarning(info: CertificateInfo, now: number): ExpiryWarning | null {
  if (now < info.validFrom) {
    return { kind: "not-yet-valid", daysUntilValid: Math.floor((info.validFrom - now) / DAY_MS) };
  }
  if (now > info.validTo) {
    return { kind: "expired", daysAgo: Math.floor((now - info.validTo) / DAY_MS) };
  }
  const left = info.validTo - now;
  return left <= EXPIRY_WARNING_DAYS * DAY_MS
    ? { kind: "expiring", daysLeft: Math.floor(left / DAY_MS) }
    : null;
}
