import { z } from "zod";
import { promSelectorSchema } from "../config/prometheus-source-schema";

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/** `instance=url` pairs, comma-separated: where each Raftscope is reached when no `url` label says. */
const linkList = optionalText.transform((v, ctx) => {
  const links: Record<string, string> = {};
  for (const pair of (v ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf("=");
    const url = pair.slice(eq + 1);
    if (eq <= 0 || !z.url({ protocol: /^https?$/ }).safeParse(url).success) {
      ctx.addIssue({
        code: "custom",
        message: `"${pair}" is not instance=url, like 10.0.0.5:3000=https://raftscope-eu.example`,
      });
      return z.NEVER;
    }
    links[pair.slice(0, eq)] = url;
  }
  return links;
});

/** Fleet mode's environment: the Prometheus that scrapes every Raftscope's /metrics. */
export const fleetEnvSchema = z.object({
  RAFTSCOPE_FLEET_PROMETHEUS: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: "expected a URL like http://prometheus:9090" }).optional(),
  ),
  /** Label matchers for the Raftscope scrape job, e.g. job="raftscope". */
  RAFTSCOPE_FLEET_SELECTOR: optionalText.pipe(promSelectorSchema.optional()),
  RAFTSCOPE_FLEET_URLS: linkList,
});

export type FleetEnv = z.infer<typeof fleetEnvSchema>;
