/** Placeholders for the certificate flags: Raftscope never shows its own paths or keys. */
export const CERT_FLAG_PLACEHOLDERS = "--cacert=<ca.crt> --cert=<client.crt> --key=<client.key>";

/** etcdctl's default 5 s command timeout cuts large defragmentations short on the client side. */
const MIN_TIMEOUT_SECONDS = 60;

/**
 * The etcdctl command that defragments one member, e.g.
 * `etcdctl defrag --endpoints=https://10.0.0.2:2379 --cacert=<ca.crt> … --command-timeout=60s`.
 * `lastSeconds` (how long the member's last defragmentation took) lengthens the timeout.
 */
export function defragCommand(endpoint: string, lastSeconds?: number): string {
  const timeout = Math.max(MIN_TIMEOUT_SECONDS, Math.ceil((lastSeconds ?? 0) * 3));
  return `etcdctl defrag --endpoints=${endpoint} ${CERT_FLAG_PLACEHOLDERS} --command-timeout=${timeout}s`;
}
