import "server-only";

const AUTH_REFUSAL = /user name not found|user name is empty|permission denied/;

/**
 * Maintenance Status refused for want of rights, explained. Checked against 3.5.30: once
 * `etcdctl auth enable` is on, etcd 3.5 answers Status only to a user with the root role (3.4
 * answers anyone), and the poller's user is the client certificate's CN. Other errors pass
 * through unchanged.
 */
export function explainStatusRefusal(err: unknown): unknown {
  const details = (err as { details?: unknown }).details;
  const message =
    typeof details === "string" && details ? details : err instanceof Error ? err.message : "";
  if (!AUTH_REFUSAL.test(message)) return err;
  return new Error(
    `Maintenance Status refused (${message}): with authentication enabled, etcd 3.5 answers Status only to a user with the root role, and Raftscope's poller is the user its client certificate's CN names (see docs/read-only-role.md)`,
    { cause: err },
  );
}
