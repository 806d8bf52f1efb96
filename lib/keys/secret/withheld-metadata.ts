import { bytesToBase64, indexOfBytes, textBytes } from "../key-bytes";
import type { SecretMetadataEntry } from "./secret-identity";

/** kubectl apply copies the whole object, data included, into this annotation. */
const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
/** Shorter data values are too common ("true", "1") to withhold every text that contains them. */
const MIN_MATCH_BYTES = 4;

/**
 * Labels or annotations as shown for a redacted Secret: a value is withheld (null) when it is
 * kubectl's last-applied configuration, or when it contains one of the Secret's data values,
 * as bytes or as base64. Sorted by name.
 */
export function withholdRevealing(
  entries: Iterable<[string, string]>,
  dataValues: readonly Uint8Array[],
): SecretMetadataEntry[] {
  const needles = dataValues
    .filter((v) => v.length >= MIN_MATCH_BYTES)
    .flatMap((v) => [v, textBytes(bytesToBase64(v))]);
  const out: SecretMetadataEntry[] = [];
  for (const [name, value] of entries) {
    const bytes = textBytes(value);
    const reveals =
      name === LAST_APPLIED || needles.some((needle) => indexOfBytes(bytes, needle) >= 0);
    out.push({ name, value: reveals ? null : value, size: bytes.length });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
