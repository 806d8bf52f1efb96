import { formatClock } from "@/lib/format/format-clock";
import { formatValue, type ValueUnit } from "@/lib/format/format-value";

/** The part of a recharts tooltip entry this tooltip reads. */
export interface TooltipEntry {
  dataKey?: unknown;
  name?: unknown;
  value?: unknown;
  color?: string;
}

/** Exact values with units at the hovered time, one line per series, largest first. */
export function ChartTooltip({
  active,
  payload,
  label,
  unit,
}: {
  active?: boolean;
  payload?: readonly TooltipEntry[];
  label?: unknown;
  unit: ValueUnit;
}) {
  if (!active || !payload || payload.length === 0) return null;
  const rows = payload
    .flatMap((p) => (typeof p.value === "number" ? [{ ...p, value: p.value }] : []))
    .sort((a, b) => b.value - a.value);
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      <div className="mb-1 font-semibold tabular-nums">
        {typeof label === "number" ? formatClock(label) : ""}
      </div>
      <table>
        <tbody>
          {rows.map((p) => (
            <tr key={String(p.dataKey)}>
              <td className="pr-3">
                <span
                  aria-hidden="true"
                  className="mr-1.5 inline-block size-2 rounded-full"
                  style={{ backgroundColor: p.color }}
                />
                {String(p.name)}
              </td>
              <td className="text-right font-medium tabular-nums">{formatValue(p.value, unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
