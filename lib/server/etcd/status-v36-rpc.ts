import "server-only";
import * as grpc from "@grpc/grpc-js";
import type { StatusV36 } from "../../member-snapshot";
import { decodeStatusV36 } from "./status-v36";
import type { TlsMaterial } from "./tls-material";

const clients = new Map<string, { tls: TlsMaterial | undefined; client: grpc.Client }>();

function clientFor(endpoint: string, tls: TlsMaterial | undefined): grpc.Client {
  const known = clients.get(endpoint);
  if (known && known.tls === tls) return known.client;
  known?.client.close();
  const url = new URL(endpoint);
  const credentials =
    url.protocol === "https:"
      ? grpc.credentials.createSsl(tls?.ca, tls?.key, tls?.cert)
      : grpc.credentials.createInsecure();
  const client = new grpc.Client(url.host, credentials);
  clients.set(endpoint, { tls, client });
  return client;
}

/**
 * Maintenance Status of an etcd 3.6+ member, read as raw bytes so the fields the bundled 3.4
 * proto lacks (storageVersion, dbSizeQuota, downgradeInfo) survive. Asked only of members whose
 * Status says 3.6 or later, at the scrape interval, with a deadline of `deadlineMs`.
 */
export function fetchStatusV36(
  endpoint: string,
  tls: TlsMaterial | undefined,
  deadlineMs: number,
): Promise<StatusV36> {
  const client = clientFor(endpoint, tls);
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest<Uint8Array, Buffer>(
      "/etcdserverpb.Maintenance/Status",
      () => Buffer.alloc(0),
      (bytes: Buffer) => bytes,
      new Uint8Array(),
      { deadline: new Date(Date.now() + deadlineMs) },
      (err, bytes) => {
        if (err || !bytes) reject(err ?? new Error("empty Status answer"));
        else {
          try {
            resolve(decodeStatusV36(bytes));
          } catch (decodeError) {
            reject(decodeError);
          }
        }
      },
    );
  });
}

/** True for "3.6.0" and later: the members that send the 3.6 Status fields. */
export function reportsStatusV36(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > 3 || (major === 3 && minor >= 6);
}
