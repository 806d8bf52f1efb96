import "server-only";
import { noop } from "cockatiel";
import { Etcd3 } from "etcd3";
import type { TlsMaterial } from "./tls-material";

/**
 * One client per member: a multi-host etcd3 client answers from a random member.
 * etcd3's default retry and circuit-breaker policies turn one deadline into three and
 * hide which member failed, so both are replaced with no-ops; callers pass deadlines.
 */
export function createMemberClient(
  endpoint: string,
  tls: TlsMaterial | undefined,
  options: { maxReceiveBytes?: number } = {},
): Etcd3 {
  return new Etcd3({
    hosts: [endpoint],
    ...(tls
      ? { credentials: { rootCertificate: tls.ca, certChain: tls.cert, privateKey: tls.key } }
      : {}),
    faultHandling: { host: () => noop, global: noop },
    grpcOptions: {
      "grpc.max_receive_message_length": options.maxReceiveBytes ?? 4 * 1024 * 1024,
      // A frozen member must not hold a connection attempt open past the call deadline.
      "grpc.initial_reconnect_backoff_ms": 100,
      "grpc.max_reconnect_backoff_ms": 1000,
    },
  });
}

/** Call options carrying a deadline `ms` from now. */
export function deadline(ms: number): { deadline: Date } {
  return { deadline: new Date(Date.now() + ms) };
}
