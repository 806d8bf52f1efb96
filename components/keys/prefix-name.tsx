import { displayKey } from "@/lib/keys/key-display";

/** A prefix as a heading names it: its text in code, or "the root" for the empty prefix. */
export function PrefixName({ prefix }: { prefix: Uint8Array }) {
  const text = displayKey(prefix);
  return text ? (
    <code className="break-all rounded bg-slate-100 px-1 dark:bg-slate-800">{text}</code>
  ) : (
    "the root"
  );
}
