import "server-only";
import type { Etcd3 } from "etcd3";
import type { MemberAlarm, MemberInfo, MemberStatus } from "../../member-snapshot";
import { decimalToHexId } from "./hex-id";
import { deadline } from "./member-client";
import { explainStatusRefusal } from "./status-refusal";

export interface StatusResult {
  status: MemberStatus;
  etcdClusterId: string;
}

/** Maintenance Status; works without quorum, so it is the heartbeat of the poller. */
export async function fetchStatus(client: Etcd3, deadlineMs: number): Promise<StatusResult> {
  const res = await client.maintenance.status(deadline(deadlineMs)).catch((err: unknown) => {
    throw explainStatusRefusal(err);
  });
  const leader = res.leader && res.leader !== "0" ? decimalToHexId(res.leader) : undefined;
  const inUse = Number(res.dbSizeInUse);
  return {
    etcdClusterId: decimalToHexId(res.header.cluster_id),
    status: {
      memberId: decimalToHexId(res.header.member_id),
      version: res.version,
      dbSizeBytes: Number(res.dbSize),
      ...(res.dbSizeInUse !== undefined && Number.isFinite(inUse) && inUse > 0
        ? { dbSizeInUseBytes: inUse }
        : {}),
      ...(leader ? { leaderId: leader } : {}),
      raftIndex: Number(res.raftIndex),
      raftAppliedIndex: Number(res.raftAppliedIndex),
      raftTerm: Number(res.raftTerm),
      isLearner: Boolean(res.isLearner),
      ...splitStatusErrors(res.errors ?? []),
    },
  };
}

/** MemberList, translated; etcd 3.4 serves it from the member's local state. */
export async function fetchMemberList(client: Etcd3, deadlineMs: number): Promise<MemberInfo[]> {
  const res = await client.cluster.memberList({}, deadline(deadlineMs));
  return res.members.map((m) => ({
    id: decimalToHexId(m.ID),
    name: m.name,
    peerUrls: m.peerURLs,
    clientUrls: m.clientURLs,
    isLearner: Boolean(m.isLearner),
  }));
}

const ALARM_PATTERN = /memberID:(\d+)\s+alarm:(NOSPACE|CORRUPT)/;

/** Status.errors carries alarms as text, e.g. "memberID:10276657743932975437 alarm:NOSPACE ". */
export function splitStatusErrors(raw: string[]): { alarms: MemberAlarm[]; errors: string[] } {
  const alarms: MemberAlarm[] = [];
  const errors: string[] = [];
  for (const entry of raw) {
    const m = ALARM_PATTERN.exec(entry);
    if (m?.[1] && (m[2] === "NOSPACE" || m[2] === "CORRUPT")) {
      alarms.push({ memberId: decimalToHexId(m[1]), alarm: m[2] });
    } else if (entry.trim()) {
      errors.push(entry.trim());
    }
  }
  return { alarms, errors };
}
