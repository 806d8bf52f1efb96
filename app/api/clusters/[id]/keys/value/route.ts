import { requestSearch } from "@/lib/api/raw-query-header";
import { parseValueQuery } from "@/lib/keys/key-query";
import { getKeyBrowserSettings } from "@/lib/server/keys/key-browser-settings";
import { getKeyReader } from "@/lib/server/keys/key-readers";
import { readValue } from "@/lib/server/keys/read-value";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const reader = getKeyReader(id);
  const input = parseValueQuery(requestSearch(req));
  return Response.json(await readValue(reader, input, getKeyBrowserSettings()));
});
