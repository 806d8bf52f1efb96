import "server-only";
import { SATURATED_SHARE } from "../../health/blindness";
import type { MemberProbe, MemberStatus } from "../../member-snapshot";
import type { TlsProblem } from "../../tls/tls-diagnosis";
import { OWN_STALL_SHARE } from "../etcd/member-client";
import { fetchStatus } from "../etcd/member-rpc";
import type { EndpointDiagnoser } from "../tls/endpoint-diagnoser";
import { eventLoopLag } from "./event-loop-lag";
import type { MemberClients } from "./member-clients";
import { candidateUrls, errorText, notStarted, type TrackedMember } from "./tracked-member";

export interface ProbeContext {
  clients: MemberClients;
  diagnoser: EndpointDiagnoser;
  deadlineMs: number;
  /** A member's name by id, for "answered by m1". */
  nameOf(memberId: string): string;
  /** A background diagnosis changed what is known: publish again. */
  changed(): void;
  /** etcd's cluster id from the answer's header. */
  sawClusterId(id: string): void;
}

type UrlAnswer =
  | { kind: "self"; url: string; status: MemberStatus; latencyMs: number }
  | { kind: "other"; url: string; memberId: string }
  | { kind: "failed"; url: string; error: string; elapsedMs: number };

/**
 * Maintenance Status of one member, checked against who answered: each of its advertised
 * client URLs is asked (at once, each with the deadline) until one answers with this member's
 * id in the response header. A URL answered by another member is named in the error, so a
 * member whose URLs all lead elsewhere is shown unreachable with the reason, never as healthy.
 */
export async function probeMember(m: TrackedMember, ctx: ProbeContext): Promise<void> {
  if (notStarted(m.info)) {
    m.probe = { kind: "not-started" };
    return;
  }
  const urls = candidateUrls(m);
  if (urls.length === 0) {
    m.probe = { kind: "unreachable", error: "member advertises no client URL" };
    return;
  }
  m.statusInFlight = true;
  try {
    const answer = await firstAnswerAsSelf(m, urls, ctx);
    if (answer.self) {
      m.probe = {
        kind: "reachable",
        latencyMs: answer.self.latencyMs,
        status: answer.self.status,
        answeredAt: Date.now(),
        endpoint: answer.self.url,
      };
      m.endpoint = answer.self.url;
      ctx.diagnoser.forget(answer.self.url);
      return;
    }
    const wasReachable = m.probe?.kind === "reachable";
    const others = answer.all.filter((a) => a.kind === "other");
    if (others.length > 0) {
      m.probe = {
        kind: "unreachable",
        error: others
          .map((o) => `its client URL ${o.url} is answered by ${ctx.nameOf(o.memberId)}`)
          .join("; "),
      };
      return;
    }
    const failed = answer.all.find((a) => a.kind === "failed");
    await explainFailure(
      m,
      failed?.url ?? urls[0] ?? "",
      failed?.error ?? "no answer",
      failed?.elapsedMs ?? 0,
      ctx,
    );
    // A member that just stopped answering may have been removed: the caller lists members again.
    if (wasReachable) ctx.changed();
  } finally {
    m.statusInFlight = false;
  }
}

/** Resolves as soon as a URL answers as the member, or once every URL has answered. */
function firstAnswerAsSelf(
  m: TrackedMember,
  urls: string[],
  ctx: ProbeContext,
): Promise<{ self?: UrlAnswer & { kind: "self" }; all: UrlAnswer[] }> {
  return new Promise((resolve) => {
    const all: UrlAnswer[] = [];
    let done = false;
    for (const url of urls) {
      const t0 = performance.now();
      fetchStatus(ctx.clients.get(url), ctx.deadlineMs)
        .then(({ status, etcdClusterId }): UrlAnswer => {
          if (status.memberId !== m.info.id) {
            return { kind: "other", url, memberId: status.memberId };
          }
          // Only a listed member answering as itself says which cluster this is: a URL that
          // reaches some other etcd must not move the entry to that cluster.
          ctx.sawClusterId(etcdClusterId);
          return { kind: "self", url, status, latencyMs: performance.now() - t0 };
        })
        .catch(
          (err: unknown): UrlAnswer => ({
            kind: "failed",
            url,
            error: errorText(err),
            elapsedMs: performance.now() - t0,
          }),
        )
        .then((a) => {
          all.push(a);
          if (done) return;
          if (a.kind === "self") {
            done = true;
            resolve({ self: a, all });
          } else if (all.length === urls.length) {
            done = true;
            resolve({ all });
          }
        });
    }
  });
}

function diagnosed(
  probe: MemberProbe & { kind: "unreachable" },
  problem: TlsProblem | null | undefined,
): MemberProbe {
  return problem ? { ...probe, error: problem.message, tlsProblem: problem } : probe;
}

/**
 * Marks the member unreachable and replaces gRPC's vague error with what a direct handshake
 * finds. A call that failed fast is diagnosed before the verdict, so the first event already
 * names the problem; one that hit its deadline is diagnosed in the background, or a frozen
 * member would cost a second deadline.
 */
async function explainFailure(
  m: TrackedMember,
  endpoint: string,
  error: string,
  elapsedMs: number,
  ctx: ProbeContext,
): Promise<void> {
  const timedOut = elapsedMs >= ctx.deadlineMs * 0.9;
  const plain: MemberProbe & { kind: "unreachable" } = {
    kind: "unreachable",
    error,
    ...(timedOut ? { timedOut } : {}),
  };
  const tls = ctx.clients.tls;
  if (!tls) {
    m.probe = plain;
    return;
  }
  const version = ctx.clients.version;
  const shown = diagnosed(plain, ctx.diagnoser.latest(endpoint, version));
  m.probe = shown;
  // A call that ran late with Raftscope's own loop says nothing new about the member, and a
  // handshake more would only add to the load (the sweep's blindness judges such failures).
  if (eventLoopLag().ranLateSince(Date.now() - elapsedMs, OWN_STALL_SHARE, SATURATED_SHARE)) return;
  const pending = ctx.diagnoser.diagnose(endpoint, tls, version);
  if (!timedOut) {
    m.probe = diagnosed(plain, await pending);
    return;
  }
  void pending.then((problem) => {
    if (m.probe !== shown) return;
    m.probe = diagnosed(plain, problem);
    ctx.changed();
  });
}
