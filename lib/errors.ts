/** Stable error codes; route handlers map them to HTTP statuses in one place. */
export type ErrorCode =
  | "CONFIG_INVALID"
  | "NOT_FOUND"
  | "BAD_REQUEST"
  | "ETCD_UNAVAILABLE"
  | "METRICS_PARSE"
  | "PROMETHEUS_UNAVAILABLE"
  | "UNAUTHENTICATED"
  | "RATE_LIMITED"
  | "FORBIDDEN"
  | "REVISION_COMPACTED"
  | "VALUE_TOO_LARGE"
  | "TLS_UNUSABLE"
  | "METHOD_NOT_ALLOWED"
  | "INTERNAL";

/** Base of every error Raftscope throws on purpose: it carries a stable code. */
export class RaftscopeError extends Error {
  readonly code: ErrorCode;
  /** Facts the API answer carries beside code and message (a compacted revision's oldest one). */
  readonly details: Readonly<Record<string, number>> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, number> },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = options?.details;
  }
}

export class ConfigError extends RaftscopeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFIG_INVALID", message, options);
  }
}

export class NotFoundError extends RaftscopeError {
  constructor(message: string) {
    super("NOT_FOUND", message);
  }
}

/** A method the path does not answer; the answer's Allow header lists those it does (RFC 9110 15.5.6). */
export class MethodNotAllowedError extends RaftscopeError {
  constructor(
    message: string,
    readonly allow: readonly string[],
  ) {
    super("METHOD_NOT_ALLOWED", message);
  }
}

export class BadRequestError extends RaftscopeError {
  constructor(message: string) {
    super("BAD_REQUEST", message);
  }
}
