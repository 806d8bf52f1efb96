import "server-only";
import protobuf from "protobufjs";
import type { StatusV36 } from "../../member-snapshot";

// etcd 3.6's StatusResponse, as api/etcdserverpb/rpc.proto defines it. The etcd3 package bundles
// the 3.4 proto, which lacks fields 11-13, so its decoder drops them: these bytes are decoded here.
const RPC_PROTO_V36 = `
syntax = "proto3";
package etcdserverpb;
message ResponseHeader {
  uint64 cluster_id = 1;
  uint64 member_id = 2;
  int64 revision = 3;
  uint64 raft_term = 4;
}
message StatusResponse {
  ResponseHeader header = 1;
  string version = 2;
  int64 dbSize = 3;
  uint64 leader = 4;
  uint64 raftIndex = 5;
  uint64 raftTerm = 6;
  uint64 raftAppliedIndex = 7;
  repeated string errors = 8;
  int64 dbSizeInUse = 9;
  bool isLearner = 10;
  string storageVersion = 11;
  int64 dbSizeQuota = 12;
  DowngradeInfo downgradeInfo = 13;
}
message DowngradeInfo {
  bool enabled = 1;
  string targetVersion = 2;
}
`;

const root = protobuf.parse(RPC_PROTO_V36, { keepCase: true }).root;
/** etcd 3.6's StatusResponse type, for decoding (and, in tests, encoding) Status bytes. */
export const statusResponseV36 = root.lookupType("etcdserverpb.StatusResponse");

/**
 * The fields etcd 3.6 added to Maintenance Status, from the raw answer bytes. A field the member
 * did not send is absent ("not reported"), never 0 or ""; `dbSizeQuota` 0 is also "not reported"
 * (early 3.6 releases send 0). Throws on bytes that are not a StatusResponse.
 */
export function decodeStatusV36(bytes: Uint8Array): StatusV36 {
  const msg = statusResponseV36.decode(bytes);
  const obj = statusResponseV36.toObject(msg, { longs: String, defaults: false }) as {
    storageVersion?: string;
    dbSizeQuota?: string;
    downgradeInfo?: { enabled?: boolean; targetVersion?: string };
  };
  const quota = obj.dbSizeQuota !== undefined ? Number(obj.dbSizeQuota) : 0;
  return {
    ...(obj.storageVersion ? { storageVersion: obj.storageVersion } : {}),
    ...(Number.isFinite(quota) && quota > 0 ? { dbSizeQuotaBytes: quota } : {}),
    ...(obj.downgradeInfo
      ? {
          downgrade: {
            enabled: obj.downgradeInfo.enabled === true,
            targetVersion: obj.downgradeInfo.targetVersion ?? "",
          },
        }
      : {}),
  };
}
