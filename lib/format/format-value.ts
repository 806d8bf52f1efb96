import { formatBytes } from "./format-bytes";
import { formatNumber } from "./format-number";
import { formatSeconds } from "./format-seconds";

/** The units Raftscope shows values in. */
export type ValueUnit = "seconds" | "bytes" | "percent" | "rate" | "count" | "ratio" | "boolean";

/** A value with its unit, as tooltips, tables and alert rows show it. */
export function formatValue(value: number, unit: ValueUnit): string {
  switch (unit) {
    case "seconds":
      return formatSeconds(value);
    case "bytes":
      return formatBytes(value);
    case "percent":
      return `${formatNumber(value)} %`;
    case "rate":
      return `${formatNumber(value)}/s`;
    case "count":
      return formatNumber(value);
    case "ratio":
      return value.toFixed(2);
    case "boolean":
      return value ? "yes" : "no";
  }
}
