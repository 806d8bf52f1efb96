import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CertPaths, generateCerts } from "../../../harness/certs";
import { certificateInfo } from "./certificate-info";

let pki: CertPaths;
beforeAll(async () => {
  pki = await generateCerts(mkdtempSync(path.join(tmpdir(), "raftscope-cert-info-")), {
    memberNames: ["m1"],
  });
}, 30_000);

describe("certificateInfo", () => {
  it("reads names, SANs, dates and fingerprint of a member certificate made by openssl", () => {
    const info = certificateInfo(readFileSync(pki.server("m1").cert));
    expect(info.subject).toBe("CN=m1");
    expect(info.issuer).toBe("CN=Raftscope harness CA");
    expect(info.subjectAltNames).toEqual(["DNS:localhost", "IP Address:127.0.0.1"]);
    expect(info.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(info.serialNumber).toMatch(/^[0-9A-F]+$/);
    // The harness issues certificates for 3650 days from now.
    expect(Math.round((info.validTo - info.validFrom) / 86_400_000)).toBe(3650);
    expect(Math.abs(info.validFrom - Date.now())).toBeLessThan(3650 * 86_400_000);
  });

  it("takes the leaf of a chain and has no SANs for a client certificate", () => {
    const chain = Buffer.concat([readFileSync(pki.client.cert), readFileSync(pki.ca.cert)]);
    const info = certificateInfo(chain);
    expect(info.subject).toBe("CN=raftscope");
    expect(info.subjectAltNames).toEqual([]);
  });

  it("keeps a quoted name that contains a comma whole", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "raftscope-san-"));
    const config = path.join(dir, "san.cnf");
    writeFileSync(
      config,
      "[req]\ndistinguished_name = dn\nprompt = no\n[dn]\nCN = quoted\n[ext]\nsubjectAltName = @alt\n[alt]\nDNS.1 = localhost\nURI.1 = spiffe://cluster/ns/a,b\nIP.1 = ::1\n",
    );
    const cert = path.join(dir, "san.crt");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-config",
        config,
        "-extensions",
        "ext",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-noenc",
        "-days",
        "1",
        "-keyout",
        path.join(dir, "san.key"),
        "-out",
        cert,
      ],
      { stdio: "ignore" },
    );
    expect(certificateInfo(readFileSync(cert)).subjectAltNames).toEqual([
      "DNS:localhost",
      "URI:spiffe://cluster/ns/a,b",
      "IP Address:0:0:0:0:0:0:0:1",
    ]);
  });
});
