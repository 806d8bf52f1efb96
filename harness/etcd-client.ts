import { readFileSync } from "node:fs";
import { noop } from "cockatiel";
import { Etcd3 } from "etcd3";
import type { TlsFiles } from "./etcdctl";

const DEFAULT_CALL_TIMEOUT_MS = 5_000;

/**
 * An etcd3 client with mutual TLS and a deadline on every unary call. etcd3's default fault
 * handling retries and opens circuit breakers, which can stall a call far beyond any deadline, so
 * both policies are no-ops: a failure surfaces at once and the caller decides what to do.
 */
export function createEtcdClient(
  hosts: string[],
  tls: TlsFiles,
  opts: { callTimeoutMs?: number } = {},
): Etcd3 {
  const callTimeoutMs = opts.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  return new Etcd3({
    hosts,
    credentials: {
      rootCertificate: readFileSync(tls.ca),
      certChain: readFileSync(tls.cert),
      privateKey: readFileSync(tls.key),
    },
    dialTimeout: callTimeoutMs,
    // Node deprecates an IP address as TLS server name (the harness dials 127.0.0.1); the member
    // certificates carry DNS:localhost as well, so verify against that name instead.
    grpcOptions: { "grpc.ssl_target_name_override": "localhost" },
    faultHandling: { host: () => noop, global: noop },
    defaultCallOptions: (context) =>
      context.isStream ? {} : { deadline: Date.now() + callTimeoutMs },
  });
}
