import type { z } from "zod";

/** Renders schema issues as one line each: `clusters[0].endpoints[1]: expected a URL …`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path
        .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
        .join("");
      return `${path || "(top level)"}: ${issue.message}`;
    })
    .join("\n");
}
