import "server-only";
import type { MemberSelfCheck } from "../../member-snapshot";
import { parseHealthBody } from "./health-body";

// etcd 3.5.12+ answers /livez?verbose and /readyz?verbose with one line per check, e.g.
//   [+]serializable_read ok
//   [-]linearizable_read failed: reason withheld
//   readyz check failed
// (server/etcdserver/api/etcdhttp/health.go, following Kubernetes' healthz format).
const CHECK_LINE = /^\[([+-])\](\S+)\s*(?:ok|failed(?::\s*(.*))?)?$/;

/**
 * The checks one /livez or /readyz answer names. A body with no check lines (an older member's
 * 404 page, say) gives none. `checkedAt` is epoch ms.
 */
export function parseVerboseChecks(
  endpoint: "livez" | "readyz",
  body: string,
  checkedAt: number,
): MemberSelfCheck[] {
  const checks: MemberSelfCheck[] = [];
  for (const line of body.split("\n")) {
    const m = CHECK_LINE.exec(line.trim());
    if (!m?.[1] || !m[2]) continue;
    const detail = m[3]?.trim();
    checks.push({
      endpoint,
      name: m[2],
      ok: m[1] === "+",
      ...(detail && detail !== "reason withheld" ? { detail } : {}),
      checkedAt,
    });
  }
  return checks;
}

/** /health as one check: {"health":"false","reason":"RAFT NO LEADER"} → failing, with the reason. */
export function healthCheck(body: string, checkedAt: number): MemberSelfCheck {
  const parsed = parseHealthBody(body);
  return parsed.kind === "healthy"
    ? { endpoint: "health", name: "health", ok: true, checkedAt }
    : { endpoint: "health", name: "health", ok: false, detail: parsed.reason, checkedAt };
}
