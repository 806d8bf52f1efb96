import type { ReactNode, Ref } from "react";

/**
 * A labelled region that scrolls. It takes keyboard focus, so people who do not use a mouse can
 * scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  className,
  ref,
  children,
}: {
  label: string;
  className: string;
  ref?: Ref<HTMLElement>;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section ref={ref} aria-label={label} tabIndex={0} className={`overflow-auto ${className}`}>
      {children}
    </section>
  );
}
