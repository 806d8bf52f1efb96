import { requestSearch } from "@/lib/api/raw-query-header";
import { parseListQuery } from "@/lib/keys/key-query";
import { getKeyReader } from "@/lib/server/keys/key-readers";
import { listKeys } from "@/lib/server/keys/list-keys";
import { getKeyspaceIndex } from "@/lib/server/keyspace/keyspace-indexes";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const reader = getKeyReader(id);
  // The raw query string: URLSearchParams would replace key bytes that are not UTF-8.
  const input = parseListQuery(requestSearch(req));
  return Response.json(await listKeys(reader, input, getKeyspaceIndex(id)));
});
