import "server-only";
import { type IPolicy, noop } from "cockatiel";
import { Etcd3, GRPCDeadlineExceededError, RecoverableError } from "etcd3";
import type { EtcdUser } from "../../config/etcdctl-user";
import { SATURATED_SHARE } from "../../health/blindness";
import { eventLoopLag } from "../poller/event-loop-lag";
import { dialTarget } from "./pinned-hosts";
import type { TlsMaterial } from "./tls-material";

/**
 * A call that failed after Raftscope's own event loop was behind for at least this share of
 * its time (or was saturated, see SATURATED_SHARE) is taken to have failed because of
 * Raftscope, not the member.
 */
export const OWN_STALL_SHARE = 0.25;

/**
 * etcd3 closes a member's channel after any call that hit its deadline, so the next call
 * dials and handshakes again: right for a member that stopped answering, but when Raftscope's
 * own event loop was behind for much of the call, the member may have answered in time, and
 * new handshakes on a busy process only make it later. Such a deadline keeps the channel.
 */
export const keepChannelThroughOwnStalls = {
  onSuccess: noop.onSuccess,
  onFailure: noop.onFailure,
  async execute<T>(fn: () => PromiseLike<T> | T, signal?: AbortSignal): Promise<T> {
    const started = Date.now();
    try {
      return await noop.execute(fn, signal);
    } catch (err) {
      if (
        err instanceof GRPCDeadlineExceededError &&
        eventLoopLag().ranLateSince(started, OWN_STALL_SHARE, SATURATED_SHARE)
      ) {
        delete (err as unknown as Record<symbol, unknown>)[RecoverableError];
      }
      throw err;
    }
  },
} as IPolicy;

/**
 * One client per member: a multi-host etcd3 client answers from a random member.
 * etcd3's default retry and circuit-breaker policies turn one deadline into three and
 * hide which member failed, so both are replaced (no retries, no breaker); callers pass
 * deadlines.
 * With `user`, etcd3 calls Authenticate (with `authDeadlineMs`) before the first request and
 * again when etcd says the token expired. Authenticate is a raft proposal in etcd 3.4 and 3.5
 * and learners refuse it: only clients for key reads on voters carry a user.
 */
export function createMemberClient(
  endpoint: string,
  tls: TlsMaterial | undefined,
  options: { maxReceiveBytes?: number; user?: EtcdUser; authDeadlineMs?: number } = {},
): Etcd3 {
  const { user, authDeadlineMs = 1000 } = options;
  // A name pinned by SRV discovery is dialed by address and verified by name. etcd3 does not
  // pass these options to its Authenticate channel, so the key reader (the only client with a
  // user) reads from members' advertised URLs first.
  const target = dialTarget(endpoint);
  const pinned = target.url.hostname !== new URL(endpoint).hostname && target.serverName;
  return new Etcd3({
    hosts: [pinned ? target.url.origin : endpoint],
    ...(tls
      ? { credentials: { rootCertificate: tls.ca, certChain: tls.cert, privateKey: tls.key } }
      : {}),
    ...(user
      ? {
          auth: {
            username: user.username,
            password: user.password,
            callOptions: () => deadline(authDeadlineMs),
          },
        }
      : {}),
    faultHandling: { host: () => keepChannelThroughOwnStalls, global: noop },
    grpcOptions: {
      "grpc.max_receive_message_length": options.maxReceiveBytes ?? 4 * 1024 * 1024,
      // A frozen member must not hold a connection attempt open past the call deadline.
      "grpc.initial_reconnect_backoff_ms": 100,
      "grpc.max_reconnect_backoff_ms": 1000,
      ...(pinned
        ? {
            "grpc.ssl_target_name_override": pinned,
            "grpc.default_authority": pinned,
          }
        : {}),
    },
  });
}

/** Call options carrying a deadline `ms` from now. */
export function deadline(ms: number): { deadline: Date } {
  return { deadline: new Date(Date.now() + ms) };
}
