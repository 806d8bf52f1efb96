import { getVerdictExporter } from "@/lib/server/exposition/exporter-instance";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

/** Raftscope's verdict and process metrics in the Prometheus text format. */
export const GET = handleRoute(async () => {
  const exporter = getVerdictExporter();
  return new Response(await exporter.metrics(), {
    headers: { "content-type": exporter.contentType, "cache-control": "no-store" },
  });
});
