import { formatNumber } from "@/lib/format/format-number";
import type { KeyspaceSummary } from "@/lib/keyspace/keyspace-api";

/** The index's state in one line: building with progress, ready, or off with the reason. */
export function SpaceStatus({ summary }: { summary: KeyspaceSummary }) {
  const asOf = summary.revision !== null ? ` as of revision ${summary.revision}` : "";
  let text: string;
  if (summary.state === "off") text = `The keyspace index is off. ${summary.reason ?? ""}`;
  else if (summary.state === "building") {
    const pass = summary.phase === "values" ? "reading value sizes" : "counting keys";
    text = `Building the index: ${pass}, ${Math.round(summary.progress * 100)}% done${asOf}. Figures are partial until it is ready.${summary.reason ? ` ${summary.reason}.` : ""}`;
  } else {
    text = `Live figures${asOf}, from ${summary.endpoint ?? "a member"}; rates over the last minute.`;
  }
  return (
    <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
      {text}
      {summary.childrenTotal > summary.children.length
        ? ` Showing the ${formatNumber(summary.children.length)} largest of ${formatNumber(summary.childrenTotal)}.`
        : ""}
    </p>
  );
}
