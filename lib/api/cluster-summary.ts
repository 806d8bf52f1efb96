import { z } from "zod";
import {
  type ClusterHealth,
  clusterStatusSchema,
  quorumViewSchema,
} from "../health/cluster-health";

/** One row of GET /api/clusters. */
export const clusterSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: clusterStatusSchema,
  leader: z.object({ id: z.string(), name: z.string() }).nullable(),
  raftTerm: z.number().nullable(),
  quorum: quorumViewSchema,
  /** null while Raftscope cannot see the cluster. */
  writable: z.boolean().nullable(),
  observedAt: z.string(),
  /** etcd's own cluster ID (hex), once a member answered; two entries with one ID watch one cluster. */
  etcdClusterId: z.string().optional(),
});

export const clusterListSchema = z.array(clusterSummarySchema);
export type ClusterSummary = z.infer<typeof clusterSummarySchema>;

export function summarize(h: ClusterHealth): ClusterSummary {
  return {
    id: h.id,
    name: h.name,
    status: h.status,
    leader: h.leader,
    raftTerm: h.raftTerm,
    quorum: h.quorum,
    writable: h.writable,
    observedAt: h.observedAt,
    ...(h.etcdClusterId ? { etcdClusterId: h.etcdClusterId } : {}),
  };
}
