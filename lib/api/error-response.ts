import { z } from "zod";
import { type ErrorCode, MethodNotAllowedError, RaftscopeError } from "../errors";

const statusByCode: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFIG_INVALID: 500,
  ETCD_UNAVAILABLE: 503,
  METRICS_PARSE: 502,
  PROMETHEUS_UNAVAILABLE: 502,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  REVISION_COMPACTED: 410,
  VALUE_TOO_LARGE: 413,
  // Raftscope's own client credentials cannot be used: no member can be asked until fixed.
  TLS_UNUSABLE: 503,
  METHOD_NOT_ALLOWED: 405,
  INTERNAL: 500,
};

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** With REVISION_COMPACTED: the oldest revision etcd still holds. */
    oldestRevision: z.number().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/**
 * The one place errors become HTTP answers: `{ error: { code, message } }`, never a stack.
 * Errors Raftscope did not throw on purpose are reported without their text.
 */
export function errorResponse(err: unknown): Response {
  if (err instanceof z.ZodError) {
    const message = err.issues
      .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
      .join("; ");
    return Response.json({ error: { code: "BAD_REQUEST", message } }, { status: 400 });
  }
  if (err instanceof RaftscopeError) {
    return Response.json(
      { error: { code: err.code, message: err.message, ...err.details } },
      {
        status: statusByCode[err.code],
        ...(err instanceof MethodNotAllowedError
          ? { headers: { allow: err.allow.join(", ") } }
          : {}),
      },
    );
  }
  return Response.json(
    { error: { code: "INTERNAL", message: "Internal error; see the server log" } },
    { status: 500 },
  );
}
