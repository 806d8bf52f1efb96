import { ClusterOverview } from "@/components/clusters/cluster-overview";

export default function HomePage() {
  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="mb-6 text-2xl font-bold">etcd clusters</h1>
      <ClusterOverview />
    </main>
  );
}
