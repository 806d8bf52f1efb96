import "server-only";
import type { Etcd3 } from "etcd3";
import { decimalToHexId } from "../etcd/hex-id";
import { deadline } from "../etcd/member-client";

/** A member's place in raft and its store, from Maintenance Status. */
export interface MemberPosition {
  /** The member's current store revision (the response header's revision). */
  revision: number;
  leaderId: string | null;
  raftTerm: number;
}

export interface HashAnswer {
  hash: number;
  compactRevision: number;
  /** The member's current revision when it answered (not the hashed one). */
  currentRevision: number;
}

/** Maintenance Status, for the revision and the leader; it needs no quorum. */
export async function fetchPosition(client: Etcd3, deadlineMs: number): Promise<MemberPosition> {
  const res = await client.maintenance.status(deadline(deadlineMs));
  return {
    revision: Number(res.header.revision),
    leaderId: res.leader && res.leader !== "0" ? decimalToHexId(res.leader) : null,
    raftTerm: Number(res.raftTerm),
  };
}

/**
 * Maintenance HashKV at `revision`: a read of the member's key bucket up to that revision.
 * etcd fails it with "required revision has been compacted" at or below the compact revision
 * and "required revision is a future revision" above the current one.
 */
export async function fetchHashKv(
  client: Etcd3,
  revision: number,
  deadlineMs: number,
): Promise<HashAnswer> {
  const res = await rawMaintenance(client).exec(
    "Maintenance",
    "HashKV",
    { revision: String(revision) },
    deadline(deadlineMs),
  );
  return {
    hash: Number(res.hash),
    compactRevision: Number(res.compact_revision),
    currentRevision: Number(res.header.revision),
  };
}

/** HashKV's wire shapes (etcd's rpc.proto): 64-bit numbers as decimal strings. */
interface HashKvRequest {
  revision: string;
}
interface HashKvResponse {
  header: { revision: string };
  hash: number | string;
  compact_revision: string;
}

/** The connection pool under etcd3's MaintenanceClient, which runs a call by its gRPC name. */
interface MaintenancePool {
  exec(
    service: "Maintenance",
    method: "HashKV",
    payload: HashKvRequest,
    options: { deadline: Date },
  ): Promise<HashKvResponse>;
}

// etcd3 1.1.2's maintenance.hashKV() calls the gRPC stub "hashKV", but grpc-js names the
// method "HashKV" (and "hashKv"), so the wrapper always fails with "client[method] is not a
// function". The wrapper's own pool runs the call by its proto name instead.
function rawMaintenance(client: Etcd3): MaintenancePool {
  return (client.maintenance as unknown as { client: MaintenancePool }).client;
}

export function isCompactedError(err: unknown): boolean {
  return err instanceof Error && err.message.includes("required revision has been compacted");
}
