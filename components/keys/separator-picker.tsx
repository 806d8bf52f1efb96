"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { keyBrowserHref } from "@/lib/keys/browser-href";
import { type BrowserView, endsWithBytes } from "@/lib/keys/browser-view";
import { bytesText, textBytes } from "@/lib/keys/key-bytes";

const choices = [
  { value: "/", label: "/ (Kubernetes)" },
  { value: ":", label: ":" },
  { value: ".", label: "." },
  { value: "", label: "none: flat list" },
];

/** Which byte sequence splits keys into directories; none lists every key under the prefix. */
export function SeparatorPicker({ clusterId, view }: { clusterId: string; view: BrowserView }) {
  const router = useRouter();
  const id = useId();
  const current = bytesText(view.separator);
  const known = choices.some((c) => c.value === current);
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        Separator
      </label>
      <select
        id={id}
        value={current}
        onChange={(e) => {
          const separator = textBytes(e.target.value);
          const prefix = view.listPrefix;
          // The listed prefix stays; it is a directory only if it ends with the new separator.
          const isDir = prefix.length === 0 || endsWithBytes(prefix, separator);
          router.push(
            keyBrowserHref(clusterId, prefix, {
              separator,
              revision: view.revision,
              view: isDir ? undefined : "search",
            }),
          );
        }}
        className="w-auto rounded-md border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-900"
      >
        {!known && <option value={current}>{current}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
