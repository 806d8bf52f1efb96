import { NotFoundError } from "@/lib/errors";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

// Every answer under /api is JSON, a mistyped path too (not the HTML 404 page).
const notFound = handleRoute(async (req: Request) => {
  throw new NotFoundError(`No API at ${new URL(req.url).pathname}`);
});

export {
  notFound as DELETE,
  notFound as GET,
  notFound as HEAD,
  notFound as PATCH,
  notFound as POST,
  notFound as PUT,
};
