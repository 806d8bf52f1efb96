import { type ReactNode, useId } from "react";

/** One labelled figure of the headline; a group named by its label, so tests and readers find it. */
export function HeadlineFact({
  label,
  children,
  tone = "plain",
}: {
  label: string;
  children: ReactNode;
  tone?: "plain" | "bad";
}) {
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled figure, not a form: fieldset would mislead.
    <div role="group" aria-labelledby={id} className="min-w-0">
      <div
        id={id}
        className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400"
      >
        {label}
      </div>
      <div
        className={`truncate text-lg font-semibold tabular-nums ${tone === "bad" ? "text-red-700 dark:text-red-300" : ""}`}
      >
        {children}
      </div>
    </div>
  );
}
