"use client";

import { useQuery } from "@tanstack/react-query";
import { clusterQueries } from "@/lib/queries/cluster-queries";
import { ClusterCard } from "./cluster-card";

export function ClusterOverview() {
  const { data, error, isPending } = useQuery(clusterQueries.list());
  if (isPending) return <p role="status">Loading clusters…</p>;
  if (error) {
    return (
      <p role="alert" className="text-red-700 dark:text-red-300">
        Cannot load clusters: {error.message}
      </p>
    );
  }
  return (
    <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {data.map((c) => (
        <ClusterCard key={c.id} cluster={c} />
      ))}
    </ul>
  );
}
