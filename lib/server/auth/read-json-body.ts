import "server-only";
import { BadRequestError } from "../../errors";

const MAX_BODY_BYTES = 8 * 1024;

/**
 * A small JSON request body, for the schema to check. Only `application/json` is read: an HTML
 * form on another site cannot send it without a CORS preflight, which this server never grants.
 */
export async function readJsonBody(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new BadRequestError("Send the body as JSON with Content-Type: application/json");
  }
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new BadRequestError(`The body must be at most ${MAX_BODY_BYTES} bytes`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequestError("The body is not valid JSON");
  }
}
