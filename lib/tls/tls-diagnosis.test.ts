import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CertificateInfo } from "./certificate-info";
import { isCertificateProblem } from "./is-certificate-problem";
import {
  classifyTlsError,
  type TlsFailure,
  type TlsFailureContext,
  tlsProblemKinds,
} from "./tls-diagnosis";

const NOW = Date.parse("2026-11-24T00:48:00Z");

function cert(over: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    subject: "CN=raftscope",
    issuer: "CN=Raftscope harness CA",
    validFrom: Date.parse("2026-11-24T00:00:00Z"),
    validTo: Date.parse("2036-11-21T00:00:00Z"),
    subjectAltNames: [],
    fingerprint256: "AA:BB",
    serialNumber: "1000",
    ...over,
  };
}

const member = cert({
  subject: "CN=m1",
  subjectAltNames: ["DNS:localhost", "IP Address:127.0.0.1"],
});
const ctx: TlsFailureContext = {
  address: "127.0.0.1:36039",
  now: NOW,
  clientCertificate: cert(),
  serverCertificate: member,
};

// What node 20 reported against etcd 3.4.23 (Go 1.19) in the harness, for each fault.
const BAD_CERTIFICATE_ALERT: TlsFailure = {
  kind: "error",
  stage: "handshake",
  code: "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE",
  message:
    "80DCE2B6D77F0000:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 42\n",
};

function error(
  code: string | undefined,
  message: string,
  stage: "credentials" | "connect" | "handshake" = "handshake",
): TlsFailure {
  return { kind: "error", stage, ...(code ? { code } : {}), message };
}

describe("classifyTlsError: faults observed against etcd 3.4", () => {
  it("calls a member certificate from another CA a wrong CA, naming its issuer", () => {
    const p = classifyTlsError(
      error("UNABLE_TO_VERIFY_LEAF_SIGNATURE", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"),
      ctx,
    );
    expect(p.kind).toBe("wrong-ca");
    expect(p.message).toContain("issued by CN=Raftscope harness CA");
    expect(p.message).toContain("unable to verify the first certificate");
  });

  it.each([
    "SELF_SIGNED_CERT_IN_CHAIN",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "CERT_SIGNATURE_FAILURE",
  ])("calls %s a wrong CA", (code) => {
    expect(classifyTlsError(error(code, code), ctx).kind).toBe("wrong-ca");
  });

  it("keeps node's own text when it has one (strict handshakes, gRPC)", () => {
    const p = classifyTlsError(
      error("UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate"),
      { address: "127.0.0.1:2379", now: NOW },
    );
    expect(p.message).toMatch(/^The member's certificate at 127\.0\.0\.1:2379 is not signed/);
  });

  it("calls a bad-certificate alert with a valid client certificate a rejection", () => {
    const p = classifyTlsError(BAD_CERTIFICATE_ALERT, {
      ...ctx,
      clientCertificate: cert({ issuer: "CN=Other CA" }),
    });
    expect(p.kind).toBe("client-cert-rejected");
    expect(p.message).toContain("CN=raftscope (issued by CN=Other CA)");
    expect(p.message).toContain('alert "bad certificate"');
  });

  it("tells an expired client certificate from the same alert by its dates", () => {
    const expired = cert({
      validFrom: Date.parse("2020-01-01T00:00:00Z"),
      validTo: Date.parse("2020-02-01T00:00:00Z"),
    });
    const p = classifyTlsError(BAD_CERTIFICATE_ALERT, { ...ctx, clientCertificate: expired });
    expect(p.kind).toBe("client-cert-expired");
    expect(p.message).toContain("expired on 2020-02-01T00:00:00Z");
  });

  it("tells a not-yet-valid client certificate from the same alert by its dates", () => {
    const future = cert({
      validFrom: Date.parse("2099-01-01T00:00:00Z"),
      validTo: Date.parse("2099-12-31T00:00:00Z"),
    });
    const p = classifyTlsError(BAD_CERTIFICATE_ALERT, { ...ctx, clientCertificate: future });
    expect(p.kind).toBe("client-cert-not-yet-valid");
    expect(p.message).toContain("not valid before 2099-01-01T00:00:00Z");
  });

  it("reads the alert from the message when there is no code (gRPC's error text)", () => {
    const p = classifyTlsError(
      error(
        undefined,
        "14 UNAVAILABLE: No connection established. Last error: 806CE6AD8B7F0000:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 42",
      ),
      ctx,
    );
    expect(p.kind).toBe("client-cert-rejected");
  });

  it.each([
    ["ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED", "client-cert-rejected"],
    ["ERR_SSL_TLSV1_ALERT_UNKNOWN_CA", "client-cert-rejected"],
    ["ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED", "client-cert-expired"],
  ] as const)("maps the OpenSSL server alert %s to %s", (code, kind) => {
    expect(classifyTlsError(error(code, "alert"), ctx).kind).toBe(kind);
  });

  it("reports an expired member certificate with its end date", () => {
    const expired = cert({
      subject: "CN=x1",
      validFrom: Date.parse("2020-01-01T00:00:00Z"),
      validTo: Date.parse("2020-02-01T00:00:00Z"),
    });
    const p = classifyTlsError(error("CERT_HAS_EXPIRED", "CERT_HAS_EXPIRED"), {
      ...ctx,
      serverCertificate: expired,
    });
    expect(p.kind).toBe("server-cert-expired");
    expect(p.message).toContain("CN=x1");
    expect(p.message).toContain("expired on 2020-02-01T00:00:00Z");
  });

  it("blames the chain when the member's own certificate has not expired (an expired CA)", () => {
    const p = classifyTlsError(error("CERT_HAS_EXPIRED", "certificate has expired"), ctx);
    expect(p.kind).toBe("server-cert-expired");
    expect(p.message).toMatch(/A certificate in the chain/);
  });

  it("reports a member certificate that is not valid yet", () => {
    const future = cert({
      subject: "CN=x1",
      validFrom: Date.parse("2099-01-01T00:00:00Z"),
      validTo: Date.parse("2099-12-31T00:00:00Z"),
    });
    const p = classifyTlsError(error("CERT_NOT_YET_VALID", "CERT_NOT_YET_VALID"), {
      ...ctx,
      serverCertificate: future,
    });
    expect(p.kind).toBe("server-cert-not-yet-valid");
    expect(p.message).toContain("not valid before 2099-01-01T00:00:00Z");
  });

  it("lists the names a certificate covers when the host is not among them", () => {
    const wrong = cert({ subject: "CN=x1", subjectAltNames: ["DNS:etcd.example.invalid"] });
    const p = classifyTlsError(
      error(
        "ERR_TLS_CERT_ALTNAME_INVALID",
        "Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: ",
      ),
      { ...ctx, address: "127.0.0.1:22409", serverCertificate: wrong },
    );
    expect(p.kind).toBe("hostname-mismatch");
    expect(p.message).toContain("does not cover 127.0.0.1");
    expect(p.message).toContain("it names DNS:etcd.example.invalid");
  });

  it("strips the port and brackets of an IPv6 address", () => {
    const p = classifyTlsError(error("ERR_TLS_CERT_ALTNAME_INVALID", "x"), {
      ...ctx,
      address: "[::1]:2379",
    });
    expect(p.message).toContain("does not cover ::1,");
  });

  it("calls createSecureContext's key values mismatch a key mismatch", () => {
    const p = classifyTlsError(
      error(
        "ERR_OSSL_X509_KEY_VALUES_MISMATCH",
        "error:05800074:x509 certificate routines::key values mismatch",
        "credentials",
      ),
      ctx,
    );
    expect(p.kind).toBe("key-mismatch");
    expect(p.message).toContain("tls.key");
  });

  it("recognises a key mismatch thrown through etcd3 without a code", () => {
    const p = classifyTlsError(
      error(undefined, "error:05800074:x509 certificate routines::key values mismatch"),
      ctx,
    );
    expect(p.kind).toBe("key-mismatch");
  });

  it("reports other credential errors as such", () => {
    const p = classifyTlsError(
      error(
        "ERR_OSSL_PEM_NO_START_LINE",
        "error:0480006C:PEM routines::no start line",
        "credentials",
      ),
      ctx,
    );
    expect(p).toEqual({
      kind: "other",
      message:
        "The TLS CA, certificate or key could not be used: error:0480006C:PEM routines::no start line [ERR_OSSL_PEM_NO_START_LINE]",
    });
  });

  it("reports a refused connection", () => {
    const p = classifyTlsError(
      error("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1", "connect"),
      { ...ctx, address: "127.0.0.1:1" },
    );
    expect(p.kind).toBe("connection-refused");
    expect(p.message).toContain("127.0.0.1:1 refused the connection");
  });

  it("tells a silent member from an unreachable address", () => {
    const silent = classifyTlsError({ kind: "timeout", stage: "handshake", afterMs: 1000 }, ctx);
    const away = classifyTlsError({ kind: "timeout", stage: "connect", afterMs: 1000 }, ctx);
    expect(silent.kind).toBe("timeout");
    expect(silent.message).toMatch(
      /accepted the connection but completed no TLS handshake within 1000 ms/,
    );
    expect(away.message).toBe("No TCP connection to 127.0.0.1:36039 within 1000 ms");
  });

  it("recognises an endpoint that does not speak TLS", () => {
    const p = classifyTlsError(
      error("ERR_SSL_WRONG_VERSION_NUMBER", "ssl3_get_record:wrong version number"),
      ctx,
    );
    expect(p.kind).toBe("other");
    expect(p.message).toMatch(/does not speak TLS/);
  });
});

describe("classifyTlsError: any input", () => {
  it("always answers one known kind with a one-line message", () => {
    const failure: fc.Arbitrary<TlsFailure> = fc.oneof(
      fc.record(
        {
          kind: fc.constant("error" as const),
          stage: fc.constantFrom("credentials" as const, "connect" as const, "handshake" as const),
          code: fc.option(
            fc.oneof(
              fc.string(),
              fc.constantFrom(
                "CERT_HAS_EXPIRED",
                "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE",
                "ECONNREFUSED",
                "ERR_TLS_CERT_ALTNAME_INVALID",
                "constructor",
              ),
            ),
            { nil: undefined },
          ),
          message: fc.string(),
        },
        { requiredKeys: ["kind", "stage", "message"] },
      ),
      fc.record({
        kind: fc.constant("timeout" as const),
        stage: fc.constantFrom("connect" as const, "handshake" as const),
        afterMs: fc.nat(),
      }),
    );
    fc.assert(
      fc.property(failure, fc.boolean(), (f, withCerts) => {
        const p = classifyTlsError(f, withCerts ? ctx : { address: "h:1", now: NOW });
        expect(tlsProblemKinds).toContain(p.kind);
        expect(p.message.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe("isCertificateProblem", () => {
  it("leaves out a member that is down or silent", () => {
    expect(isCertificateProblem("connection-refused")).toBe(false);
    expect(isCertificateProblem("timeout")).toBe(false);
    expect(isCertificateProblem("wrong-ca")).toBe(true);
    expect(isCertificateProblem("key-mismatch")).toBe(true);
  });
});
