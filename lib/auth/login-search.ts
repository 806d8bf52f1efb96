import { z } from "zod";
import { safeReturnPath } from "./route-access";

/** The login page's query: `next`, where to go afterwards, kept to this server's own pages. */
export const loginSearchSchema = z.object({
  next: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => safeReturnPath(Array.isArray(v) ? v[0] : v)),
});
