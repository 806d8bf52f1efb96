import { currentRevision } from "@/lib/server/keys/current-revision";
import { getKeyReader } from "@/lib/server/keys/key-readers";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return Response.json({ currentRevision: await currentRevision(getKeyReader(id)) });
});
