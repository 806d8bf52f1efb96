"use client";

import { memberColors } from "@/components/charts/member-colors";
import type { MemberView } from "@/lib/health/cluster-health";
import { QuotaBar } from "./quota-bar";
import { SortHeader } from "./sort-header";
import { type MemberColumn, type MemberSort, sortMembers } from "./sort-members";

const columns: { column: MemberColumn; label: string; align?: "right" }[] = [
  { column: "name", label: "Member, endpoint, ID" },
  // The verdict on the member first: on a laptop the table scrolls sideways past Alarms.
  { column: "state", label: "State" },
  { column: "version", label: "Version" },
  { column: "db", label: "DB size / quota" },
  { column: "leader", label: "Leader" },
  { column: "learner", label: "Learner" },
  { column: "term", label: "Term", align: "right" },
  { column: "index", label: "Raft index", align: "right" },
  { column: "applied", label: "Applied", align: "right" },
  { column: "lag", label: "Lag", align: "right" },
  { column: "reachable", label: "Up" },
  { column: "latency", label: "Latency", align: "right" },
  { column: "alarms", label: "Alarms" },
  { column: "errors", label: "Errors" },
];

function stateTone(m: MemberView): string {
  if (m.state === "leading" || m.state === "following" || m.state === "learning") {
    return "text-emerald-700 dark:text-emerald-300";
  }
  if (m.state === "unknown" || m.state === "not-started")
    return "text-slate-600 dark:text-slate-300";
  if (m.state === "catching-up" || m.state === "no-leader")
    return "text-amber-800 dark:text-amber-300";
  return "text-red-700 dark:text-red-300";
}

const num = (v: number | null) => (v === null ? "—" : v.toLocaleString("en-US"));

/** What a down member cannot tell: shown as such, never as a "no" it did not say. */
function Unknown() {
  return (
    <span
      title="Unknown: the member does not answer"
      className="text-slate-500 dark:text-slate-400"
    >
      unknown
    </span>
  );
}

const yesNo = (v: boolean) => (v ? "yes" : "no");

/** `etcdctl endpoint status -w table` with reachability, latency, lag, quota and alarms added. */
export function MemberTable({
  members,
  sort,
  onSort,
}: {
  members: readonly MemberView[];
  sort: MemberSort;
  onSort: (next: MemberSort) => void;
}) {
  const colors = memberColors(members);
  const rows = sortMembers(members, sort);
  return (
    <section
      aria-labelledby="members-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="members-heading" className="mb-2 text-base font-semibold">
        Members
      </h2>
      <section
        className="overflow-x-auto"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        tabIndex={0}
        aria-label="Members table, scrolls sideways"
      >
        <table className="w-full text-sm">
          <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-300">
            <tr>
              {columns.map((c) => (
                <SortHeader key={c.column} {...c} sort={sort} onSort={onSort} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr
                key={m.id}
                data-state={m.reachable ? "reachable" : "unreachable"}
                className={`border-b border-slate-100 align-top last:border-0 dark:border-slate-800 ${m.reachable ? "" : "bg-red-50 dark:bg-red-950/60"}`}
              >
                <th scope="row" className="whitespace-nowrap px-2 py-2 text-left font-semibold">
                  <span
                    aria-hidden="true"
                    className="mr-2 inline-block size-2.5 rounded-full"
                    style={{ backgroundColor: colors.get(m.id) }}
                  />
                  {m.name}
                  <div className="font-mono text-xs font-normal text-slate-600 dark:text-slate-300">
                    {m.endpoint}
                  </div>
                  <div className="font-mono text-xs font-normal text-slate-500 dark:text-slate-400">
                    {m.id}
                  </div>
                </th>
                <td className={`px-2 py-2 font-medium whitespace-nowrap ${stateTone(m)}`}>
                  {m.stateLabel}
                </td>
                <td className="px-2 py-2">
                  {m.version ?? "—"}
                  {m.storageVersion && (
                    <div className="text-xs text-slate-600 dark:text-slate-300">
                      storage {m.storageVersion}
                    </div>
                  )}
                  {m.downgrade?.enabled && (
                    <div className="text-xs font-semibold text-amber-800 dark:text-amber-300">
                      downgrading to {m.downgrade.targetVersion}
                    </div>
                  )}
                </td>
                <td className="px-2 py-2">
                  <QuotaBar member={m} />
                </td>
                <td className="px-2 py-2">
                  {m.reachable ? yesNo(m.role === "leader") : <Unknown />}
                </td>
                {/* From MemberList, which other members answer: known even while it is down. */}
                <td className="px-2 py-2">{yesNo(m.role === "learner")}</td>
                <td className="px-2 py-2 text-right tabular-nums">{num(m.raftTerm)}</td>
                <td className="px-2 py-2 text-right tabular-nums">{num(m.raftIndex)}</td>
                <td className="px-2 py-2 text-right tabular-nums">{num(m.raftAppliedIndex)}</td>
                <td className="px-2 py-2 text-right tabular-nums">{num(m.applyLag)}</td>
                <td
                  className={`px-2 py-2 font-medium ${m.reachable ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}
                >
                  {yesNo(m.reachable)}
                </td>
                <td className="px-2 py-2 text-right tabular-nums">
                  {m.latencyMs === null ? "—" : `${m.latencyMs.toFixed(1)} ms`}
                </td>
                <td className="px-2 py-2">
                  {m.alarms.length > 0 ? (
                    <span className="font-semibold text-red-700 dark:text-red-300">
                      {m.alarms.join(", ")}
                    </span>
                  ) : m.reachable ? (
                    "none"
                  ) : (
                    <Unknown />
                  )}
                </td>
                <td className="max-w-56 px-2 py-2 text-xs break-words text-red-700 dark:text-red-300">
                  {m.error ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
