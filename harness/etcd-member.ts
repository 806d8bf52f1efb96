import path from "node:path";
import type { Etcd3 } from "etcd3";
import type { CertPaths } from "./certs";
import type { EtcdProcess } from "./etcd-process";

export type MemberState = "running" | "frozen" | "stopped" | "removed";

export interface EtcdMember {
  readonly name: string;
  readonly clientUrl: string;
  readonly peerUrl: string;
  readonly dataDir: string;
  readonly logFile: string;
  /** Undefined while the process is not running. */
  readonly pid: number | undefined;
  /** Lowercase hex member id, as etcdctl prints it; known once the member answered once. */
  readonly id: string | undefined;
  readonly isLearner: boolean;
  readonly state: MemberState;
}

/** The harness's mutable record of one member; callers see it as a read-only EtcdMember. */
export class MemberSlot implements EtcdMember {
  id: string | undefined;
  isLearner = false;
  removed = false;
  frozen = false;
  process: EtcdProcess | undefined;
  client: Etcd3 | undefined;
  /** Set to run the member as another user (see peer-partition.ts). */
  runAs: { uid: number; gid: number } | undefined;

  constructor(
    readonly name: string,
    readonly clientUrl: string,
    readonly peerUrl: string,
    readonly memberDir: string,
    /** The --initial-cluster this member was first started with. */
    readonly initialCluster: string,
  ) {}

  get dataDir(): string {
    return path.join(this.memberDir, "data");
  }

  get logFile(): string {
    return path.join(this.memberDir, "etcd.log");
  }

  get running(): boolean {
    return this.process !== undefined && this.process.exit === undefined;
  }

  get pid(): number | undefined {
    return this.running ? this.process?.pid : undefined;
  }

  get state(): MemberState {
    if (this.removed) return "removed";
    if (!this.running) return "stopped";
    return this.frozen ? "frozen" : "running";
  }

  closeClient(): void {
    // A fresh channel per process lifetime: grpc-js backs off reconnects for up to two minutes,
    // which would hide a restarted member from the probes.
    this.client?.close();
    this.client = undefined;
  }
}

/** How etcd 3.4 is started for `slot`: loopback URLs, mutual TLS on both ports, zap JSON logs. */
export function etcdArgs(
  slot: MemberSlot,
  opts: {
    state: "new" | "existing";
    token: string;
    certs: CertPaths;
    heartbeatMs: number;
    electionMs: number;
    quotaBackendBytes?: number;
    extraArgs: string[];
    /** Default: the member's own client URL. */
    advertiseClientUrls?: string[];
  },
): string[] {
  const { certs } = opts;
  const server = certs.server(slot.name);
  const peer = certs.peer(slot.name);
  return [
    `--name=${slot.name}`,
    `--data-dir=${slot.dataDir}`,
    `--listen-client-urls=${slot.clientUrl}`,
    `--advertise-client-urls=${(opts.advertiseClientUrls ?? [slot.clientUrl]).join(",")}`,
    `--listen-peer-urls=${slot.peerUrl}`,
    `--initial-advertise-peer-urls=${slot.peerUrl}`,
    `--initial-cluster=${slot.initialCluster}`,
    `--initial-cluster-state=${opts.state}`,
    `--initial-cluster-token=${opts.token}`,
    "--client-cert-auth",
    `--trusted-ca-file=${certs.ca.cert}`,
    `--cert-file=${server.cert}`,
    `--key-file=${server.key}`,
    "--peer-client-cert-auth",
    `--peer-trusted-ca-file=${certs.ca.cert}`,
    `--peer-cert-file=${peer.cert}`,
    `--peer-key-file=${peer.key}`,
    // 3.4 still defaults to capnslog; zap writes one JSON object per line. Metrics stay on the
    // client port (no --listen-metrics-urls), so scraping them needs the client certificate.
    "--logger=zap",
    "--log-outputs=stderr",
    `--heartbeat-interval=${opts.heartbeatMs}`,
    `--election-timeout=${opts.electionMs}`,
    ...(opts.quotaBackendBytes === undefined
      ? []
      : [`--quota-backend-bytes=${opts.quotaBackendBytes}`]),
    ...opts.extraArgs,
  ];
}
