import "server-only";
import { readFileSync } from "node:fs";
import type { ClusterConfig } from "../../config/config-schema";
import type { EtcdUser } from "../../config/etcdctl-user";
import { ConfigError } from "../../errors";

/**
 * The etcd user of each cluster that has one, by cluster id: `auth.passwordFile` read now (one
 * trailing newline dropped), or `fromEnvironment` (ETCDCTL_USER) for the zero-config cluster.
 * Throws ConfigError naming the cluster and field when a password file is missing or empty.
 * Passwords stay in this map on the server; nothing sends them anywhere but etcd's Authenticate.
 */
export function loadEtcdUsers(
  clusters: readonly Pick<ClusterConfig, "id" | "auth">[],
  fromEnvironment?: EtcdUser,
): Map<string, EtcdUser> {
  const users = new Map<string, EtcdUser>();
  for (const cluster of clusters) {
    const auth = cluster.auth;
    if (!auth) {
      if (fromEnvironment && cluster.id === "default") users.set(cluster.id, fromEnvironment);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(/*turbopackIgnore: true*/ auth.passwordFile, "utf8");
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const reason = code === "ENOENT" ? "does not exist" : `is not readable (${code ?? err})`;
      throw new ConfigError(
        `cluster "${cluster.id}": auth.passwordFile ${auth.passwordFile} ${reason}`,
      );
    }
    const password = text.replace(/\r?\n$/, "");
    if (!password) {
      throw new ConfigError(
        `cluster "${cluster.id}": auth.passwordFile ${auth.passwordFile} is empty`,
      );
    }
    users.set(cluster.id, { username: auth.username, password });
  }
  return users;
}
