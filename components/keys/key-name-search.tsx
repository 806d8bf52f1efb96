"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { keyBrowserHref } from "@/lib/keys/browser-href";
import type { BrowserView } from "@/lib/keys/browser-view";
import { PrefixName } from "./prefix-name";

const button =
  "rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";

/**
 * Finds keys under the listed prefix whose name contains some text (every pod named *web*
 * across namespaces). The text and the prefix go into the URL; the results replace the list.
 */
export function KeyNameSearch({ clusterId, view }: { clusterId: string; view: BrowserView }) {
  const router = useRouter();
  const inputId = useId();
  const hintId = useId();
  const [text, setText] = useState(view.find ?? "");
  return (
    <search className="min-w-0 flex-[1_1_16rem]">
      <form
        className="flex flex-col gap-1 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          if (text === "") return;
          router.push(
            keyBrowserHref(clusterId, view.listPrefix, { separator: view.separator, find: text }),
          );
        }}
      >
        <label htmlFor={inputId} className="font-medium">
          Find keys by name
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id={inputId}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={hintId}
            maxLength={256}
            spellCheck={false}
            autoComplete="off"
            placeholder="web"
            className="min-w-0 flex-[1_1_10rem] rounded-md border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-900"
          />
          <button type="submit" className={button}>
            Find
          </button>
        </div>
        <span id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
          Names containing this text, anywhere under <PrefixName prefix={view.listPrefix} />; case
          is ignored.
        </span>
      </form>
    </search>
  );
}
