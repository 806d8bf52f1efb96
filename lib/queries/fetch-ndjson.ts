import type { z } from "zod";
import { apiErrorSchema } from "../api/error-response";
import { ApiRequestError } from "./fetch-json";

async function failure(res: Response): Promise<ApiRequestError> {
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = apiErrorSchema.safeParse(body);
  return parsed.success
    ? new ApiRequestError(parsed.data.error.message, res.status, parsed.data.error.code)
    : new ApiRequestError(`The server answered HTTP ${res.status}`, res.status, "HTTP");
}

/**
 * Reads a stream of JSON lines (NDJSON), yielding each line as `schema` parses it, as it
 * arrives. Like fetchJson: no caching, abortable, refusals and network errors become
 * ApiRequestError, and a line that does not parse ends the stream with BAD_RESPONSE.
 */
export async function* fetchNdjson<T extends z.ZodType>(
  url: string,
  schema: T,
  signal?: AbortSignal,
): AsyncGenerator<z.infer<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      cache: "no-store",
      signal,
      headers: { accept: "application/x-ndjson" },
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiRequestError(
      "Network error or unable to reach the Raftscope server",
      0,
      "NETWORK",
    );
  }
  if (!res.ok || !res.body) throw await failure(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  const parse = (line: string) => {
    let body: unknown;
    try {
      body = JSON.parse(line);
    } catch {
      body = undefined;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiRequestError(`Unexpected line from ${url}`, res.status, "BAD_RESPONSE");
    }
    return parsed.data;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += value;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) yield parse(line);
    }
    if (buffered.trim()) yield parse(buffered);
  } finally {
    // A consumer that stops early (unmount, a new search) ends the request, not just the read.
    await reader.cancel().catch(() => undefined);
  }
}
