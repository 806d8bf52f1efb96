import type { ApiServerView } from "@/lib/topology/topology-view";

/** Why an API server would not survive one member loss, in words; null when it would. */
export function apiServerRiskText(
  api: ApiServerView,
  members: readonly { id: string; name: string }[],
): string | null {
  const risk = api.risk;
  if (!risk) return null;
  if (risk.kind === "no-member") return "none of its --etcd-servers is a member of this cluster";
  const name = members.find((m) => m.id === risk.memberId)?.name ?? risk.memberId;
  return `its --etcd-servers reach only ${name}: it loses etcd if ${name} fails`;
}
