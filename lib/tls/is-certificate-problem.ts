import type { TlsProblemKind } from "./tls-diagnosis";

/**
 * True for problems with certificates or keys, false for a member that is down or silent and
 * for failures that are not about certificates (an endpoint that does not speak TLS).
 */
export function isCertificateProblem(kind: TlsProblemKind): boolean {
  return kind !== "connection-refused" && kind !== "timeout" && kind !== "other";
}
