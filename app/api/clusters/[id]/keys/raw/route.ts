import { requestSearch } from "@/lib/api/raw-query-header";
import { downloadName } from "@/lib/keys/download-name";
import { parseValueQuery } from "@/lib/keys/key-query";
import { getKeyBrowserSettings } from "@/lib/server/keys/key-browser-settings";
import { getKeyReader } from "@/lib/server/keys/key-readers";
import { readRawValue } from "@/lib/server/keys/read-value";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const reader = getKeyReader(id);
  const input = parseValueQuery(requestSearch(req));
  const raw = await readRawValue(reader, input, getKeyBrowserSettings());
  return new Response(raw.value.slice(), {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${downloadName(raw.key)}"`,
      // A value may be an HTML payload: never let a browser sniff or render it.
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "no-store",
    },
  });
});
