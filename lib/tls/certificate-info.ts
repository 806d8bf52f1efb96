/**
 * What Raftscope shows about a certificate: who it names, who signed it and when it is valid.
 * Never the PEM or the key; lib/server/tls parses certificates into this shape.
 */
export interface CertificateInfo {
  /** Distinguished name as one line, e.g. "CN=m1". */
  subject: string;
  issuer: string;
  /** Epoch ms. */
  validFrom: number;
  /** Epoch ms. */
  validTo: number;
  /** As OpenSSL prints them: "DNS:localhost", "IP Address:127.0.0.1". */
  subjectAltNames: string[];
  /** SHA-256 fingerprint, colon-separated hex. */
  fingerprint256: string;
  /** Hex, as OpenSSL prints it. */
  serialNumber: string;
}
