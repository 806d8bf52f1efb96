"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { keyBrowserHref } from "@/lib/keys/browser-href";
import type { BrowserView } from "@/lib/keys/browser-view";
import { type ValueFormat, valueFormats } from "@/lib/keys/decode/decoded-value";

const labels: Record<ValueFormat, string> = {
  text: "Text",
  json: "JSON",
  yaml: "YAML",
  kubernetes: "Kubernetes protobuf",
  encrypted: "Encrypted at rest",
  binary: "Hex dump",
};

/** Switches the decoder; the choice goes into the URL like every other view setting. */
export function FormatPicker({ clusterId, view }: { clusterId: string; view: BrowserView }) {
  const router = useRouter();
  const id = useId();
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        Decoder
      </label>
      <select
        id={id}
        value={view.format ?? "auto"}
        onChange={(e) => {
          const format = valueFormats.find((f) => f === e.target.value);
          router.replace(
            keyBrowserHref(clusterId, view.target, {
              separator: view.separator,
              revision: view.revision,
              view: "key",
              format,
            }),
            { scroll: false },
          );
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
      >
        <option value="auto">Detect automatically</option>
        {valueFormats.map((f) => (
          <option key={f} value={f}>
            {labels[f]}
          </option>
        ))}
      </select>
    </div>
  );
}
