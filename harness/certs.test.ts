import { X509Certificate } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CertPaths, generateCerts } from "./certs";

const SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
const CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

// Runs the real openssl CLI; EC P-256 keeps the whole file well under a second.
describe("generateCerts", () => {
  let dir: string;
  let paths: CertPaths;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "raftscope-certs-"));
    paths = await generateCerts(dir, { memberNames: ["m1", "m2"] });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cert = (file: string) => new X509Certificate(readFileSync(file));

  it("issues member certificates for both TLS roles on localhost and 127.0.0.1", () => {
    const ca = cert(paths.ca.cert);
    for (const pair of [paths.server("m1"), paths.peer("m2")]) {
      const member = cert(pair.cert);
      expect(member.verify(ca.publicKey)).toBe(true);
      expect(member.keyUsage).toEqual(expect.arrayContaining([SERVER_AUTH, CLIENT_AUTH]));
      expect(member.subjectAltName).toBe("DNS:localhost, IP Address:127.0.0.1");
      expect(member.publicKey.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    }
  });

  it("issues client-only certificates for raftscope and root", () => {
    expect(cert(paths.client.cert).subject).toContain("CN=raftscope");
    expect(cert(paths.root.cert).subject).toContain("CN=root");
    expect(cert(paths.client.cert).keyUsage).toEqual([CLIENT_AUTH]);
  });

  it("keeps private keys readable by the owner only", () => {
    for (const file of [paths.ca.key, paths.client.key, paths.server("m1").key]) {
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
  });

  it("reuses valid files and only creates what a new member needs", async () => {
    const before = readFileSync(paths.server("m1").cert, "utf8");
    const again = await generateCerts(dir, { memberNames: ["m1", "m2", "m3"] });
    expect(readFileSync(again.server("m1").cert, "utf8")).toBe(before);
    expect(cert(again.peer("m3").cert).verify(cert(again.ca.cert).publicKey)).toBe(true);
  });

  it("replaces a certificate that no longer matches its key", async () => {
    writeFileSync(paths.client.cert, readFileSync(paths.root.cert));
    await generateCerts(dir, { memberNames: ["m1"] });
    expect(cert(paths.client.cert).subject).toContain("CN=raftscope");
  });
});
