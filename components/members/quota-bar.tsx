import { formatBytes } from "@/lib/format/format-bytes";
import type { MemberView } from "@/lib/health/cluster-health";
import { thresholds } from "@/lib/health/thresholds";

/** Database size and in-use bytes against the member's quota, amber from 80 % and red from 95 %. */
export function QuotaBar({ member }: { member: MemberView }) {
  if (member.dbSizeBytes === null)
    return <span className="text-slate-500 dark:text-slate-400">—</span>;
  const quota = member.quotaBackendBytes ?? thresholds.defaultQuotaBackendBytes;
  const size = member.dbSizeBytes / quota;
  const inUse = (member.dbSizeInUseBytes ?? 0) / quota;
  const pct = Math.round(size * 1000) / 10;
  const tone =
    size >= thresholds.dbQuotaCriticalRatio
      ? "bg-red-500"
      : size >= thresholds.dbQuotaWarnRatio
        ? "bg-amber-500"
        : "bg-sky-300 dark:bg-sky-700";
  const quotaText = `${formatBytes(quota)}${member.quotaBackendBytes === null ? " (default)" : ""}`;
  return (
    <div className="w-36">
      <div className="tabular-nums">
        {formatBytes(member.dbSizeBytes)}
        {member.dbSizeInUseBytes !== null && (
          <span className="text-slate-500 dark:text-slate-400">
            {" "}
            · {formatBytes(member.dbSizeInUseBytes)} in use
          </span>
        )}
      </div>
      <div
        aria-hidden="true"
        className="relative mt-1 h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={`absolute inset-y-0 left-0 ${tone}`}
          style={{ width: `${Math.min(100, size * 100)}%` }}
        />
        <div
          className="absolute inset-y-0 left-0 bg-sky-700 dark:bg-sky-400"
          style={{ width: `${Math.min(100, inUse * 100)}%` }}
        />
      </div>
      <div className="text-xs text-slate-500 dark:text-slate-400">
        {pct} % of {quotaText}
      </div>
    </div>
  );
}
