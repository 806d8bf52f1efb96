import "server-only";
import { zeroFilledInputs } from "../../alerts/scraped-series";
import type { MemberSelfCheck } from "../../member-snapshot";
import { deriveMemberMetrics } from "../../metrics/derive-member-metrics";
import { carryPeerRoundTrips } from "../../metrics/peer-round-trips";
import { scrapeFamilies } from "../alerts/scrape-families";
import { requestFromMember } from "../etcd/member-http";
import { healthCheck, parseVerboseChecks } from "../etcd/self-check-body";
import { fetchStatusV36, reportsStatusV36 } from "../etcd/status-v36-rpc";
import type { TlsMaterial } from "../etcd/tls-material";
import { metricsSampleOf } from "../metrics/parse-metrics";
import { type PrometheusSeries, readPrometheusSeries } from "../metrics/read-prometheus-series";
import { tlsHandshake } from "../tls/tls-handshake";
import { errorText, type TrackedMember } from "./tracked-member";

/** /livez and /readyz are cheap reads; /health on 3.4 is a raft proposal, asked rarely. */
const SELF_CHECK_INTERVAL_MS = 10_000;
const HEALTH_INTERVAL_MS = 30_000;
/** A failing check is asked again sooner, so its warning does not outlive the fault by long. */
const FAILING_CHECK_INTERVAL_MS = 5_000;
/**
 * Members' server certificates change rarely and are valid for months: one extra handshake per
 * member this often (a rotated certificate shows within 5 minutes), where a handshake on both
 * sides every 30 s was a tenth of a busy Raftscope's CPU. New client files recheck at once.
 */
const SERVER_CERT_CHECK_MS = 300_000;
const SERVER_ID = /^etcd_server_id\{server_id="([0-9a-f]+)"\}/m;

export interface ScrapeContext {
  tls: TlsMaterial | undefined;
  deadlineMs: number;
  /** Whether /metrics is read this time (the rest runs on its own intervals). */
  metricsDue: boolean;
  /** Ids of the current members: per-peer values of anyone else are dropped. */
  memberIds: ReadonlySet<string>;
  nameOf(memberId: string): string;
  /** Every scrape as it lands, with its raw series (null when it failed): the alert rules' input. */
  report(scrape: {
    memberId: string;
    at: number;
    series: readonly PrometheusSeries[] | null;
  }): void;
}

/**
 * Scrapes one member at the client URL that last answered Status as it: /metrics when due
 * (checked against `etcd_server_id` where etcd serves it), its self-checks, and its server
 * certificate.
 * Each part fails on its own and says why; none delays the verdict.
 */
export async function scrapeMember(m: TrackedMember, ctx: ScrapeContext): Promise<void> {
  // A member that does not answer Status is still handshaken: its certificate may be why.
  const endpoint =
    m.probe?.kind === "reachable" ? m.probe.endpoint : (m.endpoint ?? m.info.clientUrls[0]);
  if (!endpoint || m.scrapeInFlight) return;
  m.scrapeInFlight = true;
  try {
    await Promise.allSettled([
      readStatusV36(m, endpoint, ctx),
      ctx.metricsDue ? scrapeMetrics(m, endpoint, ctx) : undefined,
      checkSelf(m, endpoint, ctx),
      checkServerCertificate(m, endpoint, ctx),
    ]);
  } finally {
    m.scrapeInFlight = false;
  }
}

async function scrapeMetrics(
  m: TrackedMember,
  endpoint: string,
  ctx: ScrapeContext,
): Promise<void> {
  let reported = false;
  try {
    const { statusCode, body } = await requestFromMember(
      endpoint,
      "/metrics",
      ctx.tls,
      ctx.deadlineMs,
    );
    if (statusCode !== 200) throw new Error(`/metrics answered HTTP ${statusCode}`);
    const servedBy = SERVER_ID.exec(body)?.[1];
    if (servedBy !== undefined && servedBy !== m.info.id) {
      throw new Error(`/metrics at ${endpoint} is served by ${ctx.nameOf(servedBy)}`);
    }
    const now = Date.now();
    const series = readPrometheusSeries(body, scrapeFamilies, zeroFilledInputs);
    reported = true;
    ctx.report({ memberId: m.info.id, at: now, series });
    const sample = metricsSampleOf(series, now);
    const derived = deriveMemberMetrics(m.lastSample, sample);
    const peers = carryPeerRoundTrips(
      {
        seconds: m.metrics?.peerRoundTripP99Seconds ?? {},
        measuredAt: m.peerMeasuredAt,
      },
      derived.peerRoundTripP99Seconds,
      ctx.memberIds,
      now,
    );
    derived.peerRoundTripP99Seconds = peers.seconds;
    derived.peerRoundTripMeasuredAt = peers.measuredAt;
    m.peerMeasuredAt = peers.measuredAt;
    m.metrics = derived;
    m.lastSample = sample;
    m.scrapeError = undefined;
  } catch (err) {
    // Prometheus too fails a scrape whose body is not exposition text.
    if (!reported) ctx.report({ memberId: m.info.id, at: Date.now(), series: null });
    m.metrics = undefined;
    m.scrapeError = errorText(err);
  }
}

/**
 * etcd 3.5.12+ serves /livez and /readyz with `?verbose` naming each check; older members answer
 * 404 there, which means "not served", never "down". /health is asked too, less often: without
 * a leader it answers at once ("RAFT NO LEADER") where /readyz's linearizable read waits. A call
 * that gets no answer in time says nothing about the member's checks: the last ones are kept.
 */
async function checkSelf(m: TrackedMember, endpoint: string, ctx: ScrapeContext): Promise<void> {
  const now = Date.now();
  const failing = m.selfChecks.some((c) => !c.ok);
  const interval = failing ? FAILING_CHECK_INTERVAL_MS : SELF_CHECK_INTERVAL_MS;
  if (m.selfChecksAt !== undefined && now - m.selfChecksAt < interval) return;
  m.selfChecksAt = now;
  const healthDue = failing || now - (m.healthCheckedAt ?? 0) >= HEALTH_INTERVAL_MS;
  if (m.livezServed === false && !healthDue) return;
  const ask = (path: string) => requestFromMember(endpoint, path, ctx.tls, ctx.deadlineMs);
  const [livez, readyz, health] = await Promise.allSettled([
    m.livezServed === false ? Promise.reject(new Error("not served")) : ask("/livez?verbose"),
    m.livezServed === false ? Promise.reject(new Error("not served")) : ask("/readyz?verbose"),
    healthDue ? ask("/health") : Promise.reject(new Error("not due")),
  ]);
  const keep = (endpoint: MemberSelfCheck["endpoint"]) =>
    m.selfChecks.filter((c) => c.endpoint === endpoint);
  const at = Date.now();
  let livezChecks = keep("livez");
  let readyzChecks = keep("readyz");
  let healthChecks = keep("health");
  if (livez.status === "fulfilled") {
    if (livez.value.statusCode === 404) {
      m.livezServed = false;
      livezChecks = [];
      readyzChecks = [];
    } else {
      m.livezServed = true;
      livezChecks = selfChecksOf("livez", livez.value, at);
    }
  }
  if (readyz.status === "fulfilled" && m.livezServed) {
    readyzChecks = selfChecksOf("readyz", readyz.value, at);
  }
  if (health.status === "fulfilled") {
    m.healthCheckedAt = at;
    healthChecks = [healthCheck(health.value.body, at)];
  }
  m.selfChecks = [...livezChecks, ...readyzChecks, ...healthChecks];
}

function selfChecksOf(
  endpoint: "livez" | "readyz",
  answer: { statusCode: number; body: string },
  at: number,
): MemberSelfCheck[] {
  const parsed = parseVerboseChecks(endpoint, answer.body, at);
  if (parsed.length > 0) return parsed;
  return [
    {
      endpoint,
      name: endpoint,
      ok: answer.statusCode === 200,
      ...(answer.statusCode === 200 ? {} : { detail: `HTTP ${answer.statusCode}` }),
      checkedAt: at,
    },
  ];
}

/** etcd 3.6's extra Status fields, asked only of members that say they run 3.6 or later. */
async function readStatusV36(
  m: TrackedMember,
  endpoint: string,
  ctx: ScrapeContext,
): Promise<void> {
  const version = m.probe?.kind === "reachable" ? m.probe.status.version : undefined;
  if (!version || !reportsStatusV36(version)) {
    m.statusV36 = undefined;
    return;
  }
  m.statusV36 = await fetchStatusV36(endpoint, ctx.tls, ctx.deadlineMs);
}

async function checkServerCertificate(
  m: TrackedMember,
  endpoint: string,
  ctx: ScrapeContext,
): Promise<void> {
  const now = Date.now();
  if (
    !ctx.tls ||
    (m.serverCertificateCheckedAt !== undefined &&
      now - m.serverCertificateCheckedAt < SERVER_CERT_CHECK_MS)
  ) {
    return;
  }
  m.serverCertificateCheckedAt = now;
  const { serverCertificate } = await tlsHandshake(endpoint, ctx.tls, ctx.deadlineMs);
  if (serverCertificate) m.serverCertificate = serverCertificate;
}
