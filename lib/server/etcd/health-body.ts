import "server-only";
import type { MemberHealthCheck } from "../../member-snapshot";

/** /health answers {"health":"true"} or {"health":"false","reason":"…"} (reason since 3.5). */
export function parseHealthBody(body: string): MemberHealthCheck {
  try {
    const parsed = JSON.parse(body) as { health?: unknown; reason?: unknown };
    if (parsed.health === "true" || parsed.health === true) return { kind: "healthy" };
    return {
      kind: "unhealthy",
      reason:
        typeof parsed.reason === "string" && parsed.reason
          ? parsed.reason
          : "member reports unhealthy",
    };
  } catch {
    return { kind: "unhealthy", reason: "unreadable /health answer" };
  }
}
