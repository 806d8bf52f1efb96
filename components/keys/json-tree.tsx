import type { DecodedValue } from "@/lib/keys/decode/decoded-value";
import { ScrollRegion } from "./scroll-region";

type Json = Extract<DecodedValue, { format: "json" }>["value"];

/** Children shown per object or array before the rest is summarised. */
const MAX_CHILDREN = 1_000;
/** Deeper nesting is shown as compact JSON text instead of more disclosure widgets. */
const MAX_DEPTH = 40;

function Scalar({ value }: { value: Json }) {
  if (typeof value === "string") {
    return <span className="text-emerald-800 dark:text-emerald-300">{JSON.stringify(value)}</span>;
  }
  return <span className="text-violet-800 dark:text-violet-300">{JSON.stringify(value)}</span>;
}

function Node({ name, value, depth }: { name: string | null; value: Json; depth: number }) {
  const label =
    name === null ? null : <span className="text-sky-800 dark:text-sky-300">{name}: </span>;
  if (value === null || typeof value !== "object") {
    return (
      <li>
        {label}
        <Scalar value={value} />
      </li>
    );
  }
  const entries: Array<[string, Json]> = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  const open = Array.isArray(value) ? "[" : "{";
  const close = Array.isArray(value) ? "]" : "}";
  if (depth >= MAX_DEPTH || entries.length === 0) {
    return (
      <li className="break-all">
        {label}
        {entries.length === 0 ? `${open}${close}` : JSON.stringify(value)}
      </li>
    );
  }
  return (
    <li>
      <details open={depth < 3}>
        <summary className="cursor-pointer">
          {label}
          {open}
          <span className="text-slate-500 dark:text-slate-400">
            {" "}
            {entries.length} {Array.isArray(value) ? "items" : "keys"} {close}
          </span>
        </summary>
        <ul className="ml-4 border-l border-slate-200 pl-3 dark:border-slate-700">
          {entries.slice(0, MAX_CHILDREN).map(([k, v]) => (
            <Node
              key={k}
              name={Array.isArray(value) ? null : JSON.stringify(k)}
              value={v}
              depth={depth + 1}
            />
          ))}
          {entries.length > MAX_CHILDREN && (
            <li className="text-slate-500 dark:text-slate-400">
              … {entries.length - MAX_CHILDREN} more not shown
            </li>
          )}
        </ul>
      </details>
    </li>
  );
}

/** A JSON value as a collapsible tree (native details elements, so keyboard and readers work). */
export function JsonTree({ value }: { value: Json }) {
  return (
    <ScrollRegion
      label="Value as JSON"
      className="max-h-[60vh] rounded-md bg-slate-50 p-3 font-mono text-sm dark:bg-slate-950"
    >
      <ul>
        <Node name={null} value={value} depth={0} />
      </ul>
    </ScrollRegion>
  );
}
