import { Suspense } from "react";
import { ClusterOverview } from "@/components/clusters/cluster-overview";
import { FleetOverview } from "@/components/fleet/fleet-overview";
import { getFleetSettings } from "@/lib/server/fleet/fleet-settings";

export const dynamic = "force-dynamic";

export default function HomePage() {
  const fleet = getFleetSettings() !== null;
  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="mb-6 text-2xl font-bold">etcd clusters</h1>
      {fleet ? <FleetOverview /> : null}
      {fleet ? <h2 className="mb-3 text-lg font-semibold">Watched by this Raftscope</h2> : null}
      {/* The filter and sort live in the URL, read in the browser. */}
      <Suspense fallback={<p role="status">Loading clusters…</p>}>
        <ClusterOverview />
      </Suspense>
    </main>
  );
}
