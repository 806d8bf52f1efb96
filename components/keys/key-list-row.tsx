import Link from "next/link";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatNumber } from "@/lib/format/format-number";
import type { ChildKind } from "@/lib/keys/child-entry";

/** One child in the key list: a directory to open or a key to show, positioned by the virtualizer. */
export function KeyListRow({
  kind,
  name,
  href,
  selected,
  figures,
  top,
  height,
}: {
  kind: ChildKind;
  name: string;
  href: string;
  selected: boolean;
  /** A directory's keys and bytes, from the keyspace index. */
  figures?: { keys: number; bytes: number };
  top: number;
  height: number;
}) {
  return (
    <li className="absolute left-0 flex w-full items-center" style={{ top, height }}>
      <Link
        href={href}
        // Hundreds of rows may be on screen; prefetching each would be a burst of requests.
        prefetch={false}
        aria-current={selected ? "page" : undefined}
        className={`flex h-full min-w-0 flex-1 items-center gap-2 rounded px-2 font-mono text-sm ${
          selected
            ? "bg-blue-100 font-semibold text-blue-950 dark:bg-blue-950 dark:text-blue-100"
            : "hover:bg-slate-100 dark:hover:bg-slate-800"
        }`}
      >
        <span
          aria-hidden="true"
          className="w-4 shrink-0 text-center text-slate-500 dark:text-slate-400"
        >
          {kind === "dir" ? "▸" : "·"}
        </span>
        <span className="truncate">{name === "" ? "(empty name)" : name}</span>
      </Link>
      {/* Beside the link, not in it: the link's name stays the child's name. */}
      {figures ? (
        <span className="shrink-0 px-2 text-xs text-slate-500 tabular-nums dark:text-slate-400">
          {formatNumber(figures.keys)} {figures.keys === 1 ? "key" : "keys"} ·{" "}
          {formatBytes(figures.bytes)}
        </span>
      ) : null}
    </li>
  );
}
