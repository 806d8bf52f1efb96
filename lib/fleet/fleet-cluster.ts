import { z } from "zod";

/** One cluster as the fleet's Prometheus knows it from a Raftscope's raftscope_cluster_* series. */
export const fleetClusterSchema = z.object({
  /** The cluster's id in the config of the Raftscope that watches it. */
  id: z.string(),
  name: z.string(),
  /** The scrape target (`instance`) of the Raftscope that watches it. */
  instance: z.string(),
  /** That Raftscope's page for the cluster; null when neither a `url` label nor a mapping names it. */
  href: z.string().nullable(),
  /** Prometheus scraped that Raftscope at its last attempt (`up`). */
  scraped: z.boolean(),
  /** The Raftscope holds a verdict; when false the fields below are null. */
  known: z.boolean(),
  status: z.string().nullable(),
  writable: z.boolean().nullable(),
  remaining: z.number().nullable(),
  voters: z.number().nullable(),
  healthyVoters: z.number().nullable(),
});

export const fleetResponseSchema = z.object({
  /** The Prometheus the fleet is read from, without credentials. */
  source: z.string(),
  clusters: z.array(fleetClusterSchema),
});

export type FleetCluster = z.infer<typeof fleetClusterSchema>;
export type FleetResponse = z.infer<typeof fleetResponseSchema>;
