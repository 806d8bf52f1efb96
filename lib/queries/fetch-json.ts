import type { z } from "zod";
import { apiErrorSchema } from "../api/error-response";

/** An API answer that was not a success, with the server's code when it sent one. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    /** With REVISION_COMPACTED: the oldest revision etcd still holds. */
    readonly oldestRevision?: number,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** The one fetch wrapper: no caching, abortable, readable errors, answers checked by schema. */
export async function fetchJson<T extends z.ZodType>(
  url: string,
  schema: T,
  signal?: AbortSignal,
): Promise<z.infer<T>> {
  let res: Response;
  try {
    res = await fetch(url, { cache: "no-store", signal, headers: { accept: "application/json" } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiRequestError(
      "Network error or unable to reach the Raftscope server",
      0,
      "NETWORK",
    );
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.status === 401 && typeof window !== "undefined") {
    // The session expired: back to the login page, which returns here afterwards.
    const here = window.location.pathname + window.location.search;
    window.location.assign(`/login?next=${encodeURIComponent(here)}`);
  }
  if (!res.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    throw parsed.success
      ? new ApiRequestError(
          parsed.data.error.message,
          res.status,
          parsed.data.error.code,
          parsed.data.error.oldestRevision,
        )
      : new ApiRequestError(`The server answered HTTP ${res.status}`, res.status, "HTTP");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError(`Unexpected answer from ${url}`, res.status, "BAD_RESPONSE");
  }
  return parsed.data;
}
