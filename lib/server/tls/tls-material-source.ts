import "server-only";
import { createHash, X509Certificate } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createSecureContext } from "node:tls";
import type { TlsFiles } from "../../config/config-schema";
import { ConfigError } from "../../errors";
import { classifyTlsError, type TlsProblem } from "../../tls/tls-diagnosis";
import type { TlsMaterial } from "../etcd/tls-material";
import { clientKey } from "./client-key";

type Role = "ca" | "cert" | "key";
const ROLES: readonly Role[] = ["ca", "cert", "key"];

/** Stat at most this often: current() is called on every sweep. */
const STAT_INTERVAL_MS = 1000;
/** Read and hash the files this often even when stat saw nothing: a copy can keep size and mtime. */
const REHASH_INTERVAL_MS = 60_000;

export interface TlsMaterialSourceOptions {
  statIntervalMs?: number;
  rehashIntervalMs?: number;
  now?: () => number;
}

/**
 * The CA, client certificate and key, re-read when the files change on disk so rotated
 * certificates are used without a restart. A new set is adopted only when node accepts it as a
 * whole (the key belongs to the certificate, the PEM parses): rotation tools often write the
 * certificate and the key one after the other, and the set in between must not replace a
 * working one. `version` goes up on every adopted change, so callers can drop connections.
 */
export class TlsMaterialSource {
  private material: TlsMaterial;
  private contentHash: string;
  private stamps: string;
  private lastStatAt: number;
  private lastHashAt: number;
  private rejectedHash: string | undefined;
  private readonly statIntervalMs: number;
  private readonly rehashIntervalMs: number;
  private readonly now: () => number;
  /** Starts at 1; bumped each time a changed set of files is adopted. */
  version = 1;
  /** Why the files on disk are not in use, or null when they are. */
  problem: TlsProblem | null = null;
  /**
   * Why the material in use cannot connect at all (no working set was ever loaded: a bad key, or
   * a passphrase-protected one without its passphrase), or null. Reads fail fast with it.
   */
  unusable: TlsProblem | null = null;
  private keyProblem: TlsProblem | undefined;

  /** Reads the files once; throws ConfigError when one cannot be read. */
  constructor(
    private readonly files: TlsFiles,
    options: TlsMaterialSourceOptions = {},
  ) {
    this.statIntervalMs = options.statIntervalMs ?? STAT_INTERVAL_MS;
    this.rehashIntervalMs = options.rehashIntervalMs ?? REHASH_INTERVAL_MS;
    this.now = options.now ?? Date.now;
    this.stamps = this.stat() ?? "";
    const read = this.read();
    this.material = read;
    this.contentHash = hash(read);
    this.lastStatAt = this.now();
    this.lastHashAt = this.lastStatAt;
    // With nothing older to fall back on, a broken set is used anyway: every connection then
    // fails and the diagnosis names the problem on each member.
    this.problem = this.keyProblem ?? validate(read);
    this.unusable = this.problem;
    if (this.problem) this.rejectedHash = this.contentHash;
  }

  /** The material to connect with, after checking (at most once a second) whether files changed. */
  current(): TlsMaterial {
    this.refresh();
    return this.material;
  }

  private refresh(): void {
    const now = this.now();
    if (now - this.lastStatAt < this.statIntervalMs) return;
    this.lastStatAt = now;
    const stamps = this.stat();
    if (stamps === undefined) {
      this.problem = {
        kind: "other",
        message:
          "A TLS file (tls.ca, tls.cert or tls.key) is missing; the previously loaded files stay in use",
      };
      return;
    }
    const due = now - this.lastHashAt >= this.rehashIntervalMs;
    if (stamps === this.stamps && !due) return;
    let read: TlsMaterial;
    try {
      read = this.read();
    } catch (err) {
      this.problem = {
        kind: "other",
        message: `${err instanceof Error ? err.message : String(err)}; the previously loaded files stay in use`,
      };
      return;
    }
    this.stamps = stamps;
    this.lastHashAt = now;
    const contentHash = hash(read);
    if (contentHash === this.contentHash) {
      if (this.rejectedHash !== contentHash) this.problem = null;
      return;
    }
    const problem = this.keyProblem ?? validate(read);
    if (problem) {
      this.rejectedHash = contentHash;
      this.problem = {
        kind: problem.kind,
        message: `${problem.message}. The TLS files changed on disk but cannot be used; the previously loaded files stay in use`,
      };
      return;
    }
    this.material = read;
    this.contentHash = contentHash;
    this.rejectedHash = undefined;
    this.problem = null;
    this.unusable = null;
    this.version++;
  }

  private paths(): string[] {
    const { keyPassphraseFile } = this.files;
    return [
      ...ROLES.map((role) => this.files[role]),
      ...(keyPassphraseFile ? [keyPassphraseFile] : []),
    ];
  }

  /** mtime, size and inode of each file (the passphrase file too), or undefined when one is missing. */
  private stat(): string | undefined {
    try {
      return this.paths()
        .map((file) => {
          const s = statSync(file, { bigint: true });
          return `${s.ino}:${s.size}:${s.mtimeNs}`;
        })
        .join("|");
    } catch {
      return undefined;
    }
  }

  /**
   * Throws ConfigError naming the config field (tls.key), not the path. A passphrase-protected
   * key is decrypted in memory with the passphrase file's first line; when it cannot be, the
   * key is kept as it is and `keyProblem` says why.
   */
  private read(): TlsMaterial {
    const one = (role: Role | "keyPassphraseFile", file: string): Buffer => {
      try {
        return readFileSync(file);
      } catch (err) {
        throw new ConfigError(`Cannot read tls.${role}: ${reason(err)}`, { cause: err });
      }
    };
    const passphraseFile = this.files.keyPassphraseFile;
    const passphrase = passphraseFile
      ? one("keyPassphraseFile", passphraseFile)
          .toString("utf8")
          .replace(/\r?\n$/, "")
      : undefined;
    const key = clientKey(one("key", this.files.key), passphrase);
    this.keyProblem = "problem" in key ? key.problem : undefined;
    return { ca: one("ca", this.files.ca), cert: one("cert", this.files.cert), key: key.key };
  }
}

function hash(m: TlsMaterial): string {
  const h = createHash("sha256");
  for (const role of ROLES) h.update(m[role]).update("\0");
  return h.digest("hex");
}

/** null when node would connect with this material; otherwise why not. */
function validate(m: TlsMaterial): TlsProblem | null {
  try {
    new X509Certificate(m.ca);
    createSecureContext({ ca: m.ca, cert: m.cert, key: m.key });
    return null;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return classifyTlsError(
      {
        kind: "error",
        stage: "credentials",
        ...(typeof code === "string" ? { code } : {}),
        message: reason(err),
      },
      { address: "", now: Date.now() },
    );
  }
}

// Without the path: messages may reach the health API, and the key's path is not for viewers.
function reason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  const withoutPath = message.replace(/, \w+ '[^']*'$/, "").replace(/'\/[^']*'/g, "");
  return typeof code === "string" && !withoutPath.includes(code)
    ? `${code}: ${withoutPath}`
    : withoutPath;
}
