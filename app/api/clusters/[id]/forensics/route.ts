import { getForensicsRecorder } from "@/lib/server/forensics/forensics-recorders";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return Response.json(getForensicsRecorder(id).all());
});
