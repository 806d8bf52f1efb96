import "server-only";
import {
  EtcdAuthenticationFailedError,
  EtcdPermissionDeniedError,
  GRPCDeadlineExceededError,
  GRPCResourceExhastedError,
} from "etcd3";
import { BadRequestError, RaftscopeError } from "../../errors";

export interface ReadContext {
  endpoint: string;
  deadlineMs: number;
  /** The etcd user reads go as, when the cluster's config names one. */
  username?: string;
  /** The revision asked for, if any. */
  revision: number;
}

/** Translates a failed etcd Range into the error the API answers with. */
export function readError(err: unknown, ctx: ReadContext): RaftscopeError {
  if (err instanceof RaftscopeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (message.includes("required revision has been compacted")) {
    return new RaftscopeError(
      "REVISION_COMPACTED",
      `Revision ${ctx.revision} has been compacted: etcd keeps history only from its last compaction on. Pick a later revision, or read the current one.`,
    );
  }
  if (message.includes("required revision is a future revision")) {
    return new BadRequestError(
      `Revision ${ctx.revision} is newer than the cluster's current revision`,
    );
  }
  if (err instanceof EtcdAuthenticationFailedError || message.includes("authentication failed")) {
    return new RaftscopeError(
      "FORBIDDEN",
      `etcd refused the user "${ctx.username ?? "?"}": wrong user name or password (auth.username and auth.passwordFile, or ETCDCTL_USER and ETCDCTL_PASSWORD)`,
    );
  }
  if (message.includes("authentication is not enabled")) {
    return new RaftscopeError(
      "FORBIDDEN",
      `etcd has authentication disabled, yet Raftscope is set to log in as "${ctx.username ?? "?"}": remove the user from its settings, or enable authentication in etcd`,
    );
  }
  if (err instanceof EtcdPermissionDeniedError || message.includes("permission denied")) {
    const who = ctx.username
      ? `the etcd user "${ctx.username}"`
      : "the user of Raftscope's client certificate";
    return new RaftscopeError(
      "FORBIDDEN",
      `etcd denied the read: ${who} may not read this range (see docs/read-only-role.md)`,
    );
  }
  if (err instanceof GRPCResourceExhastedError || message.includes("larger than max")) {
    return new RaftscopeError("VALUE_TOO_LARGE", "etcd's answer is larger than Raftscope reads");
  }
  if (err instanceof GRPCDeadlineExceededError || /deadline exceeded/i.test(message)) {
    return new RaftscopeError(
      "ETCD_UNAVAILABLE",
      `etcd member ${ctx.endpoint} did not answer the read within ${ctx.deadlineMs} ms`,
    );
  }
  return new RaftscopeError(
    "ETCD_UNAVAILABLE",
    `etcd member ${ctx.endpoint} failed the read: ${message}`,
    {
      cause: err,
    },
  );
}
