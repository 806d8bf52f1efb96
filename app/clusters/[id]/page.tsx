import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClusterDashboard } from "@/components/dashboard/cluster-dashboard";
import { clusterQueries } from "@/lib/queries/cluster-queries";
import { getQueryClient } from "@/lib/queries/make-query-client";
import { getRuntime } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const poller = getRuntime().pollers.get(id);
  return { title: poller ? `${poller.name} · Raftscope` : "Raftscope" };
}

export default async function ClusterPage({ params }: Props) {
  const { id } = await params;
  const poller = getRuntime().pollers.get(id);
  if (!poller) notFound();
  // Seed the cache with what the server already knows, so the first paint shows the leader;
  // before the first sweep the client waits for it instead of this request.
  const queryClient = getQueryClient();
  if (poller.health) queryClient.setQueryData(clusterQueries.health(id).queryKey, poller.health);
  queryClient.setQueryData(clusterQueries.events(id, 200).queryKey, poller.events.recent(200));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      {/* Only the declared topology crosses to the browser: never endpoints' TLS files. */}
      <ClusterDashboard
        clusterId={id}
        topology={poller.config.topology ?? null}
        withPrometheus={poller.config.prometheus !== undefined}
      />
    </HydrationBoundary>
  );
}
