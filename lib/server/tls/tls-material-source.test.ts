import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSecureContext } from "node:tls";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CertPaths, generateCerts } from "../../../harness/certs";
import { ConfigError } from "../../errors";
import { TlsMaterialSource } from "./tls-material-source";

// Two valid client pairs from one CA (client and root), made once with openssl.
let pki: CertPaths;
beforeAll(async () => {
  pki = await generateCerts(mkdtempSync(path.join(tmpdir(), "raftscope-tls-pki-")), {
    memberNames: [],
  });
}, 30_000);

describe("TlsMaterialSource", () => {
  let dir: string;
  let files: { ca: string; cert: string; key: string };
  let clock: number;
  const now = () => clock;
  const later = () => {
    clock += 1000;
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "raftscope-tls-source-"));
    files = {
      ca: path.join(dir, "ca.crt"),
      cert: path.join(dir, "client.crt"),
      key: path.join(dir, "client.key"),
    };
    copyFileSync(pki.ca.cert, files.ca);
    copyFileSync(pki.client.cert, files.cert);
    copyFileSync(pki.client.key, files.key);
    clock = 1_000_000;
  });

  /** Writes beside the target and renames, as kubelet and cert-manager do. */
  function replace(target: string, from: string): void {
    const tmp = `${target}.new`;
    copyFileSync(from, tmp);
    renameSync(tmp, target);
  }

  it("serves the files as read at start, as version 1", () => {
    const source = new TlsMaterialSource(files, { now });
    expect(source.version).toBe(1);
    expect(source.problem).toBeNull();
    expect(source.current().cert.equals(readFileSync(pki.client.cert))).toBe(true);
  });

  it("adopts a rotated certificate and key once the next check is due", () => {
    const source = new TlsMaterialSource(files, { now });
    replace(files.cert, pki.root.cert);
    replace(files.key, pki.root.key);
    // Within a second of the last check the files are not even stat'ed.
    expect(source.current().cert.equals(readFileSync(pki.client.cert))).toBe(true);
    later();
    expect(source.current().cert.equals(readFileSync(pki.root.cert))).toBe(true);
    expect(source.current().key.equals(readFileSync(pki.root.key))).toBe(true);
    expect(source.version).toBe(2);
    expect(source.problem).toBeNull();
  });

  it("keeps the working pair while the certificate is new and the key still old", () => {
    const source = new TlsMaterialSource(files, { now });
    replace(files.cert, pki.root.cert);
    later();
    const served = source.current();
    expect(served.cert.equals(readFileSync(pki.client.cert))).toBe(true);
    expect(source.version).toBe(1);
    expect(source.problem?.kind).toBe("key-mismatch");
    expect(source.problem?.message).toMatch(/previously loaded files stay in use/);

    replace(files.key, pki.root.key);
    later();
    expect(source.current().cert.equals(readFileSync(pki.root.cert))).toBe(true);
    expect(source.version).toBe(2);
    expect(source.problem).toBeNull();
  });

  it("does not count a rewrite with the same content as a change", () => {
    const source = new TlsMaterialSource(files, { now });
    writeFileSync(files.cert, readFileSync(pki.client.cert));
    later();
    source.current();
    expect(source.version).toBe(1);
  });

  it("keeps the loaded files while one is missing, without naming its path", () => {
    const source = new TlsMaterialSource(files, { now });
    rmSync(files.key);
    later();
    expect(source.current().key.equals(readFileSync(pki.client.key))).toBe(true);
    expect(source.problem?.kind).toBe("other");
    expect(source.problem?.message).not.toContain(dir);
    copyFileSync(pki.client.key, files.key);
    later();
    source.current();
    expect(source.problem).toBeNull();
    expect(source.version).toBe(1);
  });

  it("rejects a CA file that is not a certificate", () => {
    const source = new TlsMaterialSource(files, { now });
    writeFileSync(files.ca, "not a certificate\n");
    later();
    source.current();
    expect(source.version).toBe(1);
    expect(source.problem?.message).toMatch(/could not be used/);
  });

  it("starts with a mismatched pair when there is nothing else, and says so", () => {
    copyFileSync(pki.root.key, files.key);
    const source = new TlsMaterialSource(files, { now });
    expect(source.problem?.kind).toBe("key-mismatch");
    expect(source.current().key.equals(readFileSync(pki.root.key))).toBe(true);
  });

  it("fails at start with a ConfigError naming the config field, not the path", () => {
    rmSync(files.key);
    const attempt = () => new TlsMaterialSource(files, { now });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^Cannot read tls\.key: ENOENT: no such file or directory$/);
  });

  describe("a passphrase-protected key", () => {
    const PASSPHRASE = "correct horse battery staple";
    let encrypted: string;
    let passFile: string;

    beforeEach(() => {
      encrypted = path.join(dir, "client-encrypted.key");
      execFileSync("openssl", [
        "pkcs8",
        "-topk8",
        "-in",
        pki.client.key,
        "-out",
        encrypted,
        "-passout",
        `pass:${PASSPHRASE}`,
        "-v2",
        "aes-256-cbc",
      ]);
      passFile = path.join(dir, "key-passphrase");
      writeFileSync(passFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    });

    it("is named as passphrase-protected when no passphrase is given, and marked unusable", () => {
      const source = new TlsMaterialSource({ ...files, key: encrypted }, { now });
      expect(source.problem?.message).toMatch(/tls\.key is passphrase-protected/);
      expect(source.problem?.message).toMatch(/tls\.keyPassphraseFile/);
      expect(source.unusable).toEqual(source.problem);
    });

    it("is decrypted in memory with the passphrase file, for a key gRPC can use", () => {
      const source = new TlsMaterialSource(
        { ...files, key: encrypted, keyPassphraseFile: passFile },
        { now },
      );
      expect(source.problem).toBeNull();
      expect(source.unusable).toBeNull();
      const m = source.current();
      expect(m.key.toString()).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      expect(() => createSecureContext({ ca: m.ca, cert: m.cert, key: m.key })).not.toThrow();
    });

    it("says so when the passphrase does not open the key, without the passphrase", () => {
      writeFileSync(passFile, "not the passphrase\n");
      const source = new TlsMaterialSource(
        { ...files, key: encrypted, keyPassphraseFile: passFile },
        { now },
      );
      expect(source.problem?.message).toMatch(
        /passphrase in tls\.keyPassphraseFile does not open it/,
      );
      expect(source.problem?.message).not.toContain("not the passphrase");
      expect(source.unusable).not.toBeNull();
    });
  });
});
