import "server-only";
import { X509Certificate } from "node:crypto";
import type { CertificateInfo } from "../../tls/certificate-info";

/**
 * What Raftscope may show about a certificate: names, issuer, validity, SANs and fingerprint.
 * Accepts a parsed certificate or PEM (the first certificate of a chain is the leaf).
 */
export function certificateInfo(cert: X509Certificate | Buffer | string): CertificateInfo {
  const x509 = cert instanceof X509Certificate ? cert : new X509Certificate(cert);
  return {
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    validFrom: Date.parse(x509.validFrom),
    validTo: Date.parse(x509.validTo),
    subjectAltNames: splitAltNames(x509.subjectAltName),
    fingerprint256: x509.fingerprint256,
    serialNumber: x509.serialNumber,
  };
}

// node prints a distinguished name one attribute per line.
function oneLine(dn: string): string {
  return dn.split("\n").filter(Boolean).join(", ");
}

// "DNS:localhost, IP Address:127.0.0.1". node quotes a name holding a comma or a quote as a
// JSON string (URI:"spiffe://a\u002cb"), so a comma inside quotes does not split.
function splitAltNames(sans: string | undefined): string[] {
  if (!sans) return [];
  return (sans.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g) ?? [])
    .map((s) => s.trim())
    .filter(Boolean)
    .map(unquote);
}

function unquote(san: string): string {
  const quoted = /^([^:"]+):("(?:[^"\\]|\\.)*")$/.exec(san);
  if (!quoted?.[1] || !quoted[2]) return san;
  try {
    return `${quoted[1]}:${JSON.parse(quoted[2])}`;
  } catch {
    return san;
  }
}
