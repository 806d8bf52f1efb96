import type { CertificateInfo } from "./certificate-info";
import type { TlsProblem } from "./tls-diagnosis";

/** What the poller knows about the TLS side of one cluster, beside the member probes. */
export interface TlsObservations {
  /** The certificate Raftscope presents; null when it does not parse. */
  clientCertificate: CertificateInfo | null;
  /** The certificate each member presented at its last check, keyed by member id. */
  serverCertificates: Record<string, CertificateInfo>;
  /** Why the CA, certificate and key on disk are not (or no longer) usable. */
  materialProblem: TlsProblem | null;
  /** Why no configured endpoint could list the members, when a handshake explains it. */
  discoveryProblem: TlsProblem | null;
}
