import "server-only";
import { isIP } from "node:net";
import {
  checkServerIdentity,
  connect,
  createSecureContext,
  type SecureContext,
  type TLSSocket,
} from "node:tls";
import type { CertificateInfo } from "../../tls/certificate-info";
import type { TlsFailure } from "../../tls/tls-diagnosis";
import { dialTarget } from "../etcd/pinned-hosts";
import type { TlsMaterial } from "../etcd/tls-material";
import { certificateInfo } from "./certificate-info";

export interface HandshakeResult {
  /** host:port the connection went to. */
  address: string;
  /** Absent when the handshake succeeded and the member accepted our certificate. */
  failure?: TlsFailure;
  /** The member's leaf certificate, when the handshake got far enough to see it. */
  serverCertificate?: CertificateInfo;
}

// Building a context parses the key and CA: once per certificate set, not once per handshake.
const contexts = new WeakMap<TlsMaterial, SecureContext>();

function contextFor(material: TlsMaterial): SecureContext {
  let context = contexts.get(material);
  if (!context) {
    context = createSecureContext({ ca: material.ca, cert: material.cert, key: material.key });
    contexts.set(material, context);
  }
  return context;
}

/**
 * One TLS handshake with a member's client URL, with the material the etcd clients use, then a
 * GET /version over it. The member's certificate is checked by hand rather than by node
 * (rejectUnauthorized: false), so it can be reported even when it does not verify. With TLS 1.3
 * the client finishes its handshake before the member has checked our certificate: only an
 * answer to the request proves it was accepted, a refusal arrives as an alert instead. Nothing
 * secret is sent, so talking to an unverified member is harmless.
 */
export function tlsHandshake(
  endpoint: string,
  material: TlsMaterial,
  deadlineMs: number,
): Promise<HandshakeResult> {
  const url = new URL(endpoint);
  const target = dialTarget(endpoint);
  // The name the certificate must carry; a name pinned by SRV discovery is dialed by address.
  const host = target.serverName ?? url.hostname.replace(/^\[(.*)\]$/, "$1");
  const dialHost = target.url.hostname.replace(/^\[(.*)\]$/, "$1");
  const port = Number(url.port || 443);
  const address = url.host;
  let secureContext: SecureContext;
  try {
    secureContext = contextFor(material);
  } catch (err) {
    return Promise.resolve({ address, failure: { ...errorFields(err), stage: "credentials" } });
  }
  return new Promise((resolve) => {
    let tcpConnected = false;
    let serverCertificate: CertificateInfo | undefined;
    let socket: TLSSocket | undefined;
    const finish = (failure?: TlsFailure) => {
      clearTimeout(timer);
      socket?.destroy();
      resolve({
        address,
        ...(failure ? { failure } : {}),
        ...(serverCertificate ? { serverCertificate } : {}),
      });
    };
    const timer = setTimeout(() => {
      if (serverCertificate && socket?.authorized) finish();
      else
        finish({
          kind: "timeout",
          stage: tcpConnected ? "handshake" : "connect",
          afterMs: deadlineMs,
        });
    }, deadlineMs);
    socket = connect({
      host: dialHost,
      port,
      secureContext,
      rejectUnauthorized: false,
      // SNI takes names only; node warns (DEP0123) when given an IP.
      ...(isIP(host) ? {} : { servername: host }),
      ALPNProtocols: ["http/1.1"],
    });
    socket.once("connect", () => {
      tcpConnected = true;
    });
    socket.once("secureConnect", () => {
      const s = socket;
      if (!s) return;
      const peer = s.getPeerX509Certificate();
      if (peer) serverCertificate = certificateInfo(peer);
      if (!s.authorized) {
        finish({ ...verifyFailure(s, host), stage: "handshake", kind: "error" });
        return;
      }
      s.write(`GET /version HTTP/1.1\r\nHost: ${address}\r\nConnection: close\r\n\r\n`);
    });
    socket.once("data", () => finish());
    socket.once("end", () =>
      finish({
        kind: "error",
        stage: "handshake",
        message: "the member closed the connection after the TLS handshake without answering",
      }),
    );
    socket.on("error", (err) =>
      finish({ ...errorFields(err), stage: tcpConnected ? "handshake" : "connect" }),
    );
  });
}

function errorFields(err: unknown): { kind: "error"; code?: string; message: string } {
  const code = (err as { code?: unknown }).code;
  return {
    kind: "error",
    ...(typeof code === "string" ? { code } : {}),
    message: err instanceof Error ? err.message : String(err),
  };
}

/** node keeps only the code of a failed verification; the hostname check can say more. */
function verifyFailure(socket: TLSSocket, host: string): { code: string; message: string } {
  const raw = socket.authorizationError;
  const code = typeof raw === "string" ? raw : (raw?.message ?? "UNKNOWN");
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    const mismatch = checkServerIdentity(host, socket.getPeerCertificate());
    return { code, message: mismatch?.message ?? code };
  }
  return { code, message: code };
}
