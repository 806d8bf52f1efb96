import "server-only";
import type {
  MemberInfo,
  MemberMetrics,
  MemberProbe,
  MemberSelfCheck,
  StatusV36,
} from "../../member-snapshot";
import type { MetricsSample } from "../../metrics/metrics-sample";
import type { CertificateInfo } from "../../tls/certificate-info";

/** What the poller keeps about one member between sweeps. */
export interface TrackedMember {
  info: MemberInfo;
  probe?: MemberProbe;
  /** The client URL that last answered as this member; tried first next time. */
  endpoint?: string;
  statusInFlight: boolean;
  scrapeInFlight: boolean;
  selfChecks: MemberSelfCheck[];
  selfChecksAt?: number;
  /** When /health last answered, epoch ms: on 3.4 it is a raft proposal, asked rarely. */
  healthCheckedAt?: number;
  /** false once the member answered /livez with 404 (etcd before 3.5.12): ask /health instead. */
  livezServed?: boolean;
  lastSample?: MetricsSample;
  metrics?: MemberMetrics;
  /** When each peer's round trip was last measured, epoch ms. */
  peerMeasuredAt: Record<string, number>;
  /** Why the last /metrics scrape gave nothing usable; undefined after a good one. */
  scrapeError?: string;
  /** etcd 3.6's Status fields, from members that run 3.6 or later. */
  statusV36?: StatusV36;
  serverCertificate?: CertificateInfo;
  serverCertificateCheckedAt?: number;
}

export function trackMember(info: MemberInfo): TrackedMember {
  return {
    info,
    statusInFlight: false,
    scrapeInFlight: false,
    selfChecks: [],
    peerMeasuredAt: {},
  };
}

/** The member's client URLs, the one that last answered as it first. */
export function candidateUrls(m: TrackedMember): string[] {
  const urls = m.info.clientUrls;
  return m.endpoint && urls.includes(m.endpoint)
    ? [m.endpoint, ...urls.filter((u) => u !== m.endpoint)]
    : [...urls];
}

/** An added member that has not started yet: MemberList gives it no name and no client URL. */
export function notStarted(info: MemberInfo): boolean {
  return info.name === "" && info.clientUrls.length === 0;
}

export function errorText(err: unknown): string {
  if (err instanceof Error) {
    const details = (err as { details?: unknown }).details;
    return typeof details === "string" && details ? details : err.message;
  }
  return String(err);
}
