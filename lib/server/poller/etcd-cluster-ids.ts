import "server-only";

/**
 * Which etcd cluster each config entry reached, by etcd's cluster ID (hex, from a response
 * header), shared by the pollers of one process: two entries that reach the same etcd cluster
 * poll its members twice, and export it to Prometheus twice (two `cluster` labels, so every
 * alert on it pages twice).
 */
export class EtcdClusterIds {
  private readonly byEntry = new Map<string, string>();

  /** Records that config entry `entryId` reached etcd cluster `etcdClusterId`. */
  set(entryId: string, etcdClusterId: string): void {
    this.byEntry.set(entryId, etcdClusterId);
  }

  /** The other config entries that reached `etcdClusterId`, sorted; none for an empty ID. */
  othersWith(entryId: string, etcdClusterId: string): string[] {
    if (!etcdClusterId) return [];
    const others: string[] = [];
    for (const [id, etcdId] of this.byEntry) {
      if (id !== entryId && etcdId === etcdClusterId) others.push(id);
    }
    return others.sort();
  }
}
