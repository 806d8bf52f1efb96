export type HarnessErrorCode =
  | "MEMBER_NOT_READY"
  | "NO_LEADER"
  | "MEMBER_EXITED"
  | "UNKNOWN_MEMBER"
  | "INVALID_STATE"
  | "ETCDCTL_FAILED"
  | "ETCDCTL_TIMEOUT"
  | "SPAWN_FAILED"
  | "TIMEOUT";

/** Every failure the harness reports carries a code, so tests can tell a timeout from a bug. */
export class HarnessError extends Error {
  readonly code: HarnessErrorCode;

  constructor(code: HarnessErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "HarnessError";
    this.code = code;
  }
}
