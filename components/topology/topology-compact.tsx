import { formatSeconds } from "@/lib/format/format-seconds";
import type { HealthWarning, MemberView } from "@/lib/health/cluster-health";
import { linkRoundTrip } from "@/lib/topology/link-round-trip";
import { conditionText, memberCondition } from "@/lib/topology/member-condition";
import type { TopologyView } from "@/lib/topology/topology-view";
import type { WhatIfMarks } from "./topology-diagram";

const tone = {
  ok: "border-slate-300 dark:border-slate-600",
  degraded: "border-amber-500 bg-amber-50 dark:border-amber-400 dark:bg-amber-950",
  unreachable: "border-red-600 bg-red-50 dark:border-red-400 dark:bg-red-950",
  unknown: "border-dashed border-slate-400 bg-slate-50 dark:border-slate-500 dark:bg-slate-900",
} as const;

/**
 * The topology for narrow screens, where the diagram would shrink its text below legibility:
 * the same facts as text, one card per node (its API servers, then its etcd member with role,
 * state and what-if mark), and the peer round trips as a list.
 */
export function TopologyCompact({
  view,
  members,
  warnings,
  roundTrips,
  riskTexts,
  whatIf,
}: {
  view: TopologyView;
  members: readonly MemberView[];
  warnings: readonly HealthWarning[];
  roundTrips: ReadonlyMap<string, number>;
  riskTexts: ReadonlyMap<string, string>;
  whatIf: WhatIfMarks;
}) {
  const byId = new Map(members.map((m) => [m.id, m]));
  const tier = view.apiServers.filter((a) => a.node === null);
  const nodeNoun = view.mode === "stacked" ? "Control-plane nodes" : "etcd nodes";
  const pairs = members.flatMap((a, i) => members.slice(i + 1).map((b) => [a, b] as const));
  return (
    <div className="flex flex-col gap-3 text-sm">
      {tier.length > 0 && (
        <ul aria-label="API servers" className="flex flex-col gap-1">
          {tier.map((a) => (
            <li
              key={a.name}
              className="rounded-md border border-indigo-300 px-3 py-2 dark:border-indigo-500"
            >
              <span className="font-semibold">{a.name}</span>: {a.memberIds.length} etcd member
              {a.memberIds.length === 1 ? "" : "s"}
              {riskTexts.get(a.name) ? `; at risk: ${riskTexts.get(a.name)}` : ""}
            </li>
          ))}
        </ul>
      )}
      <ul aria-label={nodeNoun} className="grid gap-2 sm:grid-cols-2">
        {view.nodes.map((n) => {
          const member = n.memberId ? byId.get(n.memberId) : undefined;
          const condition = member ? memberCondition(member, warnings) : undefined;
          const failing =
            whatIf.nodes.has(n.name) || (member ? whatIf.memberIds.has(member.id) : false);
          return (
            <li
              key={n.name}
              aria-label={`Node ${n.name}${failing ? ", failing in the what-if" : ""}`}
              className="rounded-lg border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-800/60"
            >
              <p className="font-semibold">
                {n.name}{" "}
                <span className="font-normal text-slate-600 dark:text-slate-300">
                  {n.declared ? (n.address ?? "") : "(not declared)"}
                </span>
              </p>
              {n.apiServers.map((name) => (
                <p key={name} className="text-slate-700 dark:text-slate-200">
                  API server {name}
                  {riskTexts.get(name) ? `: at risk, ${riskTexts.get(name)}` : ""}
                </p>
              ))}
              {member && condition ? (
                <p
                  data-state={condition.kind}
                  className={`mt-2 rounded-md border-2 px-2 py-1 ${tone[condition.kind]}`}
                >
                  <span className="font-semibold">etcd member {member.name}</span>
                  {member.role !== "follower" && (
                    <span className="ml-2 font-bold text-blue-700 dark:text-blue-300">
                      {member.role === "leader" ? "★ leader" : "learner"}
                    </span>
                  )}
                  <br />
                  {conditionText(condition)}
                  {failing ? ", fails in the what-if" : ""} · etcd {member.version ?? "unknown"} ·
                  term {member.raftTerm ?? "unknown"}
                </p>
              ) : (
                <p className="mt-2 text-slate-600 dark:text-slate-300">
                  etcd member {n.missingMember ?? "unknown"}: not found in the cluster
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {roundTrips.size > 0 && (
        <ul aria-label="Peer round trips" className="text-slate-700 dark:text-slate-200">
          {pairs.map(([a, b]) => {
            const rtt = linkRoundTrip(
              a.peerRoundTripsSeconds,
              b.peerRoundTripsSeconds,
              a.id,
              b.id,
              roundTrips.get(a.id),
              roundTrips.get(b.id),
            );
            if (!rtt || !a.reachable || !b.reachable) return null;
            return (
              <li key={`${a.id}-${b.id}`}>
                {a.name} ↔ {b.name}: {rtt.kind === "bound" ? "≤ " : ""}
                {formatSeconds(rtt.seconds)}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
