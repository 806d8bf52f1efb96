import "server-only";
import type { Etcd3 } from "etcd3";
import type { CertificateInfo } from "../../tls/certificate-info";
import { createMemberClient } from "../etcd/member-client";
import type { TlsMaterial } from "../etcd/tls-material";
import { certificateInfo } from "../tls/certificate-info";
import type { TlsMaterialSource } from "../tls/tls-material-source";

function parseCertificate(pem: Buffer): CertificateInfo | null {
  try {
    return certificateInfo(pem);
  } catch {
    return null;
  }
}

/**
 * One etcd3 client per client URL, over the cluster's current TLS material. Answers are checked
 * by who answered (Status's member id), not by URL, so two members advertising one URL share
 * its client without being confused.
 */
export class MemberClients {
  private readonly clients = new Map<string, Etcd3>();
  /** Clients of replaced TLS material, closed once their in-flight calls had their deadline. */
  private readonly retired = new Set<Etcd3>();
  private materialVersion = 0;
  tls: TlsMaterial | undefined;
  clientCertificate: CertificateInfo | null = null;

  constructor(
    readonly source: TlsMaterialSource | undefined,
    private readonly deadlineMs: number,
  ) {
    this.refresh();
  }

  get version(): number {
    return this.materialVersion;
  }

  /**
   * Picks up rotated certificate files. grpc-js keeps a channel's credentials for its lifetime,
   * so new material means new clients; the old ones are closed a deadline later, once the calls
   * they carry have ended. Returns true when the material changed.
   */
  refresh(): boolean {
    const source = this.source;
    if (!source) return false;
    const material = source.current();
    if (source.version === this.materialVersion) return false;
    this.tls = material;
    this.materialVersion = source.version;
    this.clientCertificate = parseCertificate(material.cert);
    if (this.clients.size === 0) return true;
    const old = [...this.clients.values()];
    this.clients.clear();
    for (const c of old) this.retired.add(c);
    setTimeout(() => {
      for (const c of old) if (this.retired.delete(c)) c.close();
    }, this.deadlineMs).unref?.();
    return true;
  }

  get(endpoint: string): Etcd3 {
    let c = this.clients.get(endpoint);
    if (!c) {
      c = createMemberClient(endpoint, this.tls);
      this.clients.set(endpoint, c);
    }
    return c;
  }

  /** Closes the clients of URLs no longer wanted; returns the URLs closed. */
  prune(wanted: ReadonlySet<string>): string[] {
    const closed: string[] = [];
    for (const [endpoint, c] of this.clients) {
      if (!wanted.has(endpoint)) {
        c.close();
        this.clients.delete(endpoint);
        closed.push(endpoint);
      }
    }
    return closed;
  }

  close(): void {
    for (const c of [...this.clients.values(), ...this.retired]) c.close();
    this.clients.clear();
    this.retired.clear();
  }
}
