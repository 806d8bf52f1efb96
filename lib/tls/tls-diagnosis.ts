import type { CertificateInfo } from "./certificate-info";

export const tlsProblemKinds = [
  "wrong-ca",
  "client-cert-rejected",
  "server-cert-expired",
  "server-cert-not-yet-valid",
  "client-cert-expired",
  "client-cert-not-yet-valid",
  "hostname-mismatch",
  "key-mismatch",
  "connection-refused",
  "timeout",
  "other",
] as const;

export type TlsProblemKind = (typeof tlsProblemKinds)[number];

/** Why a TLS connection to a member failed, in words an operator can act on. */
export interface TlsProblem {
  kind: TlsProblemKind;
  message: string;
}

/**
 * How a connection attempt failed, as node reported it. `credentials`: the CA, certificate or
 * key were refused before connecting (tls.createSecureContext); `connect`: before the TCP
 * connection was up; `handshake`: during or right after the TLS handshake, including our own
 * verification of the member's certificate and alerts the member sent about ours.
 */
export type TlsFailure =
  | {
      kind: "error";
      stage: "credentials" | "connect" | "handshake";
      /** node's error code (ECONNREFUSED, CERT_HAS_EXPIRED, ERR_SSL_SSLV3_ALERT_…) when it has one. */
      code?: string;
      message: string;
    }
  | { kind: "timeout"; stage: "connect" | "handshake"; afterMs: number };

export interface TlsFailureContext {
  /** host:port the connection went to. */
  address: string;
  /** Epoch ms; client certificate dates are judged against it. */
  now: number;
  clientCertificate?: CertificateInfo;
  /** The member's certificate, when the handshake got far enough to see it. */
  serverCertificate?: CertificateInfo;
}

// OpenSSL's verify results for a chain that does not lead to a trusted root, with their texts:
// node keeps only the code when verification is not fatal (rejectUnauthorized: false). A CA
// regenerated under the same name shows as a signature failure rather than an unknown issuer.
const UNTRUSTED_CHAIN = new Map([
  ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate"],
  ["UNABLE_TO_GET_ISSUER_CERT", "unable to get issuer certificate"],
  ["UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "unable to get local issuer certificate"],
  ["SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain"],
  ["DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"],
  ["CERT_SIGNATURE_FAILURE", "certificate signature failure"],
  ["CERT_UNTRUSTED", "certificate not trusted"],
  ["CERT_CHAIN_TOO_LONG", "certificate chain too long"],
]);

// Alerts a server sends when it refuses the client certificate. Go (etcd) sends "bad
// certificate" for every reason, a missing certificate included; OpenSSL-based servers are
// more specific.
const CLIENT_CERT_ALERTS = new Set([
  "bad certificate",
  "certificate required",
  "certificate expired",
  "certificate revoked",
  "certificate unknown",
  "unsupported certificate",
  "unknown ca",
  "access denied",
]);

function who(cert: CertificateInfo | undefined): string {
  return cert ? `${cert.subject} (issued by ${cert.issuer})` : "";
}

function day(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

function withCode(code: string | undefined, text: string): string {
  return code ? `${text} [${code}]` : text;
}

/** "bad certificate" out of ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE or OpenSSL's message text. */
function alertName(code: string | undefined, message: string): string | undefined {
  const fromCode = code && /^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_([A-Z_]+)$/.exec(code)?.[1];
  if (fromCode) return fromCode.toLowerCase().replaceAll("_", " ");
  return /(?:sslv3|tlsv1|tlsv13) alert ([a-z ]+)/i.exec(message)?.[1]?.trim().toLowerCase();
}

function hostOf(address: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(address)?.[1];
  return bracketed ?? address.replace(/:\d+$/, "");
}

function clientCertProblem(
  alert: string,
  code: string | undefined,
  ctx: TlsFailureContext,
): TlsProblem {
  const cert = ctx.clientCertificate;
  const refused = `the member refused it (alert "${alert}")`;
  if (alert === "certificate expired" || (cert && ctx.now > cert.validTo)) {
    return {
      kind: "client-cert-expired",
      message: withCode(
        code,
        cert
          ? `Raftscope's client certificate ${who(cert)} expired on ${day(cert.validTo)}; ${refused}`
          : `The member says Raftscope's client certificate has expired (alert "${alert}")`,
      ),
    };
  }
  if (cert && ctx.now < cert.validFrom) {
    return {
      kind: "client-cert-not-yet-valid",
      message: withCode(
        code,
        `Raftscope's client certificate ${who(cert)} is not valid before ${day(cert.validFrom)}; ${refused}. Check the clocks`,
      ),
    };
  }
  return {
    kind: "client-cert-rejected",
    message: withCode(
      code,
      `The member at ${ctx.address} rejected Raftscope's client certificate${cert ? ` ${who(cert)}` : ""} (alert "${alert}"): it must be signed by a CA in the member's --trusted-ca-file and allow client authentication`,
    ),
  };
}

function serverCertProblem(
  code: string,
  message: string,
  ctx: TlsFailureContext,
): TlsProblem | undefined {
  const cert = ctx.serverCertificate;
  const member = cert ? `The member's certificate ${who(cert)}` : "The member's certificate";
  const untrusted = UNTRUSTED_CHAIN.get(code);
  if (untrusted !== undefined) {
    const text = message === code ? untrusted : message;
    return {
      kind: "wrong-ca",
      message: withCode(
        code,
        `${member} at ${ctx.address} is not signed by the CA Raftscope trusts (tls.ca): ${text}`,
      ),
    };
  }
  if (code === "CERT_HAS_EXPIRED") {
    return {
      kind: "server-cert-expired",
      message: withCode(
        code,
        cert && ctx.now > cert.validTo
          ? `${member} at ${ctx.address} expired on ${day(cert.validTo)}`
          : `A certificate in the chain the member at ${ctx.address} presents has expired`,
      ),
    };
  }
  if (code === "CERT_NOT_YET_VALID") {
    return {
      kind: "server-cert-not-yet-valid",
      message: withCode(
        code,
        cert && ctx.now < cert.validFrom
          ? `${member} at ${ctx.address} is not valid before ${day(cert.validFrom)}; check the clocks`
          : `A certificate in the chain the member at ${ctx.address} presents is not valid yet; check the clocks`,
      ),
    };
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    const names = cert?.subjectAltNames.length
      ? `it names ${cert.subjectAltNames.join(", ")}`
      : "it has no subject alternative names";
    return {
      kind: "hostname-mismatch",
      message: withCode(
        code,
        cert
          ? `${member} does not cover ${hostOf(ctx.address)}, the host Raftscope connects to: ${names}`
          : `The member's certificate does not cover ${hostOf(ctx.address)}: ${message}`,
      ),
    };
  }
  return undefined;
}

/**
 * Turns node's account of a failed TLS connection into one specific problem. node's codes are
 * precise where gRPC's are not ("14 UNAVAILABLE: No connection established"), but a rejected
 * client certificate only arrives as the member's alert, and etcd's Go TLS stack sends "bad
 * certificate" whatever the reason: expiry of our certificate is told apart by its dates.
 */
export function classifyTlsError(failure: TlsFailure, ctx: TlsFailureContext): TlsProblem {
  if (failure.kind === "timeout") {
    return {
      kind: "timeout",
      message:
        failure.stage === "connect"
          ? `No TCP connection to ${ctx.address} within ${failure.afterMs} ms`
          : `${ctx.address} accepted the connection but completed no TLS handshake within ${failure.afterMs} ms (member stopped or overloaded?)`,
    };
  }
  const { code, message } = failure;
  if (code === "ERR_OSSL_X509_KEY_VALUES_MISMATCH" || /key values mismatch/i.test(message)) {
    const cert = ctx.clientCertificate;
    return {
      kind: "key-mismatch",
      message: withCode(
        code,
        `The client key (tls.key) does not belong to the client certificate${cert ? ` ${who(cert)}` : ""} (tls.cert)`,
      ),
    };
  }
  if (failure.stage === "credentials") {
    return {
      kind: "other",
      message: withCode(code, `The TLS CA, certificate or key could not be used: ${message}`),
    };
  }
  if (code === "ECONNREFUSED") {
    return {
      kind: "connection-refused",
      message: withCode(code, `${ctx.address} refused the connection: is etcd running there?`),
    };
  }
  if (code === "ETIMEDOUT") {
    return {
      kind: "timeout",
      message: withCode(code, `The TCP connection to ${ctx.address} timed out`),
    };
  }
  const server = code ? serverCertProblem(code, message, ctx) : undefined;
  if (server) return server;
  const alert = alertName(code, message);
  if (alert && CLIENT_CERT_ALERTS.has(alert)) return clientCertProblem(alert, code, ctx);
  if (code === "ERR_SSL_WRONG_VERSION_NUMBER" || /wrong version number/i.test(message)) {
    return {
      kind: "other",
      message: withCode(
        code,
        `${ctx.address} does not speak TLS: is the endpoint http:// rather than https://?`,
      ),
    };
  }
  return {
    kind: "other",
    message: withCode(
      code,
      `TLS connection to ${ctx.address} failed ${failure.stage === "connect" ? "before connecting" : "during the handshake"}: ${message.split("\n")[0]}`,
    ),
  };
}
