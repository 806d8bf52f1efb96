import Link from "next/link";
import type { ChildKind } from "@/lib/keys/child-entry";

/** One child in the key list: a directory to open or a key to show, positioned by the virtualizer. */
export function KeyListRow({
  kind,
  name,
  href,
  selected,
  top,
  height,
}: {
  kind: ChildKind;
  name: string;
  href: string;
  selected: boolean;
  top: number;
  height: number;
}) {
  return (
    <li className="absolute left-0 w-full" style={{ top, height }}>
      <Link
        href={href}
        // Hundreds of rows may be on screen; prefetching each would be a burst of requests.
        prefetch={false}
        aria-current={selected ? "page" : undefined}
        className={`flex h-full items-center gap-2 rounded px-2 font-mono text-sm ${
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
    </li>
  );
}
