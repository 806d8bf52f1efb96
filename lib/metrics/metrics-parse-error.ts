import { RaftscopeError } from "../errors";

/** A /metrics body that is not valid Prometheus text; the message names the series or line. */
export class MetricsParseError extends RaftscopeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("METRICS_PARSE", message, options);
  }
}
