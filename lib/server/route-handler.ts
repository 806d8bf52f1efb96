import "server-only";
import { errorResponse } from "../api/error-response";
import { RaftscopeError } from "../errors";

/** Wraps a route handler: expected errors answer with their code, others are logged and hidden. */
export function handleRoute<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (!(err instanceof RaftscopeError) && !(err instanceof Error && err.name === "ZodError")) {
        console.error("raftscope: unexpected error in route", err);
      }
      return errorResponse(err);
    }
  };
}
