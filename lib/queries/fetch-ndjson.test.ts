import { afterEach, describe, expect, it, vi } from "vitest";
import { type SearchLine, searchLineSchema } from "../keys/key-search-api";
import { ApiRequestError } from "./fetch-json";
import { fetchNdjson } from "./fetch-ndjson";

/** A response whose body arrives in the given chunks. */
function streamed(chunks: string[], status = 200): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
  return new Response(body, { status });
}

async function collect(url: string) {
  const out: SearchLine[] = [];
  for await (const line of fetchNdjson(url, searchLineSchema)) out.push(line);
  return out;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchNdjson", () => {
  it("yields whole lines however the body is cut into chunks", async () => {
    const text =
      '{"type":"match","key":"/a/web","keyBase64":"L2Evd2Vi"}\n' +
      '{"type":"progress","scanned":1,"total":2,"revision":5}\n' +
      '{"type":"done","scanned":2,"matches":1,"revision":5,"stoppedBy":"complete"}';
    for (const cut of [1, 7, 30, text.length]) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += cut) chunks.push(text.slice(i, i + cut));
      vi.stubGlobal("fetch", async () => streamed(chunks));
      const lines = await collect("/s");
      expect(lines.map((l) => l.type)).toEqual(["match", "progress", "done"]);
    }
  });

  it("turns a refusal into the server's code and message", async () => {
    vi.stubGlobal(
      "fetch",
      async () =>
        new Response(JSON.stringify({ error: { code: "BAD_REQUEST", message: "q is required" } }), {
          status: 400,
        }),
    );
    await expect(collect("/s")).rejects.toMatchObject({
      status: 400,
      code: "BAD_REQUEST",
      message: "q is required",
    });
  });

  it("ends with BAD_RESPONSE on a line that is not the contract", async () => {
    vi.stubGlobal("fetch", async () => streamed(['{"type":"match"}\n', "not json\n"]));
    const err = await collect("/s").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    expect(err).toMatchObject({ code: "BAD_RESPONSE" });
  });
});
