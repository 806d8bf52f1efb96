import { type ReactNode, useId } from "react";

/** One labelled figure of the revision bar: a group named by its label, for readers and tests. */
export function RevisionFact({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled figure, not a form: fieldset would mislead.
    <div role="group" aria-labelledby={id}>
      <div id={id} className="text-slate-600 dark:text-slate-400">
        {label}
      </div>
      <div className="font-mono tabular-nums">{children}</div>
    </div>
  );
}
