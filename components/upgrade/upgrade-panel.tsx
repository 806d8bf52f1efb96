"use client";

import { useQuery } from "@tanstack/react-query";
import { PanelFrame } from "@/components/diagnosis/panel-frame";
import { diagnosisQueries } from "@/lib/queries/diagnosis-queries";
import type { Downgrade, UpgradeReadiness } from "@/lib/upgrade/upgrade-readiness";

const NOT_REPORTED = "not reported (an etcd 3.6+ Status field)";

function downgradeText(d: Downgrade | null): string {
  if (!d) return NOT_REPORTED;
  return d.enabled ? `enabled, to ${d.targetVersion || "an older version"}` : "none in progress";
}

function Facts({ r }: { r: UpgradeReadiness }) {
  const checks = r.corruptionChecks;
  return (
    <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="font-medium">Cluster version</dt>
      <dd>{r.clusterVersion ?? "not agreed or not reported"}</dd>
      <dt className="font-medium">Server versions</dt>
      <dd>
        {r.serverVersions.join(", ") || "unknown"} (skew: {r.skew})
      </dd>
      <dt className="font-medium">Storage version</dt>
      <dd>
        {r.storageVersion ??
          (r.members.some((m) => m.storageVersion) ? "members differ (see above)" : NOT_REPORTED)}
      </dd>
      <dt className="font-medium">Downgrade</dt>
      <dd>{downgradeText(r.downgrade)}</dd>
      <dt className="font-medium">etcd's corruption checks</dt>
      <dd>
        {checks
          ? Object.entries(checks)
              .map(([name, on]) => `${name} ${on ? "on" : "off"}`)
              .join(", ")
          : "not exposed before etcd 3.6 (etcd_server_feature_enabled)"}
      </dd>
    </dl>
  );
}

/** Server and cluster versions, and whether etcd's guide allows the next minor version yet. */
export function UpgradePanel({ clusterId }: { clusterId: string }) {
  const readiness = useQuery(diagnosisQueries.upgrade(clusterId));
  const r = readiness.data;
  return (
    <PanelFrame id="upgrade" title="Upgrade readiness">
      {r ? (
        <>
          <p
            className={`mt-1 text-sm font-semibold ${r.ready ? "text-emerald-800 dark:text-emerald-300" : "text-amber-800 dark:text-amber-300"}`}
          >
            {r.headline.charAt(0).toUpperCase() + r.headline.slice(1)}
          </p>
          {r.blockers.length > 1 ? (
            <ul aria-label="What blocks the upgrade" className="mt-1 list-disc pl-5 text-sm">
              {r.blockers.map((b) => (
                <li key={`${b.code}-${b.memberId ?? ""}`}>{b.message}</li>
              ))}
            </ul>
          ) : null}
          <table className="mt-2 w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-600 dark:text-slate-300">
                <th scope="col">Member</th>
                <th scope="col">Server version</th>
                <th scope="col">Cluster version</th>
                <th scope="col">Storage version</th>
              </tr>
            </thead>
            <tbody>
              {r.members.map((m) => (
                <tr key={m.id} className="border-t border-slate-200 dark:border-slate-800">
                  <th scope="row" className="py-1 pr-3 text-left font-medium">
                    {m.name}
                  </th>
                  <td className="py-1 pr-3">{m.serverVersion ?? "unknown"}</td>
                  <td className="py-1 pr-3">{m.clusterVersion ?? "—"}</td>
                  <td className="py-1">{m.storageVersion ?? "not reported"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Facts r={r} />
          {r.guide ? (
            <div className="mt-2 text-sm">
              <blockquote className="border-l-2 border-slate-300 pl-2 italic dark:border-slate-700">
                {r.guide.quote}
              </blockquote>
              <p className="mt-1">
                From etcd's guide:{" "}
                <a className="underline" href={r.guide.url} rel="noreferrer" target="_blank">
                  {r.guide.url}
                </a>
                . Also check by hand:
              </p>
              <ul className="list-disc pl-5">
                {r.guide.manualChecks.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : (
        <p role="status" className="mt-1 text-sm">
          {readiness.isError
            ? `Cannot read versions: ${readiness.error.message}`
            : "Reading versions…"}
        </p>
      )}
    </PanelFrame>
  );
}
