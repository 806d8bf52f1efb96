"use client";

import { useState } from "react";

/** A command to copy, shown whole so it can be read before it is run. */
export function CopyCommand({ command, label }: { command: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-1 flex items-start gap-2">
      <code className="min-w-0 flex-1 break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs dark:bg-slate-800">
        {command}
      </code>
      <button
        type="button"
        aria-label={label}
        onClick={() =>
          void navigator.clipboard?.writeText(command).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
        className="shrink-0 rounded-md border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-700"
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}
