import type { ReactNode } from "react";
import { Suspense } from "react";
import { KeyBrowser } from "@/components/keys/key-browser";
import { getRuntime } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

/**
 * The key browser sits in the layout, not the page: moving from key to key changes only the
 * page segment, so the list, its loaded pages and its scroll position stay put.
 */
export default async function KeysLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const name = getRuntime().pollers.get(id)?.name ?? id;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="sr-only">{name}: keys</h1>
      <Suspense
        fallback={
          <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
            Loading the key browser…
          </p>
        }
      >
        <KeyBrowser clusterId={id} />
      </Suspense>
      {children}
    </div>
  );
}
