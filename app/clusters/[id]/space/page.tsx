import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { SpaceView } from "@/components/space/space-view";
import { getRuntime } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const poller = getRuntime().pollers.get(id);
  return { title: poller ? `${poller.name} · Space · Raftscope` : "Raftscope" };
}

export default async function SpacePage({ params }: Props) {
  const { id } = await params;
  const poller = getRuntime().pollers.get(id);
  if (!poller) notFound();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="sr-only">{poller.name}: space</h1>
      <Suspense
        fallback={
          <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
            Loading the Space view…
          </p>
        }
      >
        <SpaceView clusterId={id} />
      </Suspense>
    </div>
  );
}
