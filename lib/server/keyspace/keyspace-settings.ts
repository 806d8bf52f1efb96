import "server-only";
import {
  type ClusterConfig,
  type KeyspaceConfig,
  keyspaceConfigSchema,
} from "../../config/config-schema";

/** A cluster's index settings, defaults filled in when its config has no `keyspace` block. */
export function keyspaceSettings(cluster: Pick<ClusterConfig, "keyspace">): KeyspaceConfig {
  return cluster.keyspace ?? keyspaceConfigSchema.parse({});
}
