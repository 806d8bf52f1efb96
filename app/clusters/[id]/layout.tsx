import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ClusterNav } from "@/components/dashboard/cluster-nav";
import { getRuntime } from "@/lib/server/runtime";

export default async function ClusterLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const poller = getRuntime().pollers.get(id);
  if (!poller) notFound();
  return (
    // The one <main> of every cluster page; its header is the page's, not a second banner.
    <main className="mx-auto max-w-[1600px] px-4 py-4 sm:px-6">
      <header className="mb-4 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3 dark:border-slate-800">
        <nav aria-label="Breadcrumb" className="flex items-center gap-2 text-lg">
          <Link href="/" className="text-slate-600 hover:underline dark:text-slate-300">
            Clusters
          </Link>
          <span aria-hidden="true" className="text-slate-400">
            /
          </span>
          <span aria-current="page" className="font-semibold">
            {poller.name}
          </span>
        </nav>
        <ClusterNav clusterId={id} />
      </header>
      {children}
    </main>
  );
}
