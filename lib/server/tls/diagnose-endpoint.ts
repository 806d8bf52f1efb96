import "server-only";
import type { CertificateInfo } from "../../tls/certificate-info";
import { classifyTlsError, type TlsProblem } from "../../tls/tls-diagnosis";
import type { TlsMaterial } from "../etcd/tls-material";
import { certificateInfo } from "./certificate-info";
import { tlsHandshake } from "./tls-handshake";

/**
 * Why a member cannot be reached over TLS, found by a direct handshake with the same CA,
 * certificate and key as the etcd client: gRPC only says "14 UNAVAILABLE". Null when the
 * handshake succeeds and the member answers, so a failed call was not about TLS.
 */
export async function diagnoseEndpoint(
  endpoint: string,
  material: TlsMaterial,
  deadlineMs: number,
): Promise<TlsProblem | null> {
  const result = await tlsHandshake(endpoint, material, deadlineMs);
  if (!result.failure) return null;
  const clientCertificate = parseQuietly(material.cert);
  return classifyTlsError(result.failure, {
    address: result.address,
    now: Date.now(),
    ...(clientCertificate ? { clientCertificate } : {}),
    ...(result.serverCertificate ? { serverCertificate: result.serverCertificate } : {}),
  });
}

function parseQuietly(pem: Buffer): CertificateInfo | undefined {
  try {
    return certificateInfo(pem);
  } catch {
    // An unparseable certificate is reported by the handshake itself.
    return undefined;
  }
}
