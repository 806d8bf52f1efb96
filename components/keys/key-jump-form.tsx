"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { keyBrowserHref } from "@/lib/keys/browser-href";
import type { BrowserView } from "@/lib/keys/browser-view";
import { parseKeyInput } from "@/lib/keys/key-display";

const button =
  "rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";

/** Jump straight to a key, or list the keys that start with a prefix. \xNN types any byte. */
export function KeyJumpForm({ clusterId, view }: { clusterId: string; view: BrowserView }) {
  const router = useRouter();
  const inputId = useId();
  const hintId = useId();
  const [text, setText] = useState("");
  const go = (mode: "key" | "search") => {
    router.push(
      keyBrowserHref(clusterId, parseKeyInput(text), {
        separator: view.separator,
        revision: view.revision,
        view: mode,
      }),
    );
  };
  return (
    <search className="min-w-0 flex-[1_1_18rem]">
      <form
        className="flex flex-col gap-1 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          go("key");
        }}
      >
        <label htmlFor={inputId} className="font-medium">
          Key or prefix
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id={inputId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={hintId}
            spellCheck={false}
            autoComplete="off"
            placeholder="/registry/deployments/"
            className="min-w-0 flex-[1_1_12rem] rounded-md border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-900"
          />
          <button type="submit" className={button}>
            Open key
          </button>
          <button type="button" onClick={() => go("search")} className={button}>
            Search prefix
          </button>
        </div>
        <span id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
          Write a byte as \xNN and a backslash as \\.
        </span>
      </form>
    </search>
  );
}
