import { requestSearch } from "@/lib/api/raw-query-header";
import { RaftscopeError } from "@/lib/errors";
import { parseSearchQuery } from "@/lib/keys/search-query";
import { getKeyReader } from "@/lib/server/keys/key-readers";
import { searchKeys } from "@/lib/server/keys/search-keys";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

/** Streams NDJSON lines (see lib/keys/key-search-api.ts); stops when the client goes away. */
export const GET = handleRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const reader = getKeyReader(id);
  const input = parseSearchQuery(requestSearch(req));
  const encoder = new TextEncoder();
  const stop = new AbortController();
  req.signal.addEventListener("abort", () => stop.abort());
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => {
        if (!stop.signal.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      try {
        for await (const line of searchKeys(reader, input, stop.signal)) send(line);
      } catch (err) {
        const known = err instanceof RaftscopeError;
        if (!known) console.error("raftscope: key search failed", err);
        const line = {
          type: "error",
          code: known ? err.code : "INTERNAL",
          message: known ? err.message : "Internal error; see the server log",
        };
        send(line);
      }
      if (!stop.signal.aborted) controller.close();
    },
    cancel() {
      stop.abort();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
});
