import "server-only";
import { alertInputs } from "../../alerts/scraped-series";
import { scrapedFamilies } from "../../metrics/etcd-metrics";
import type { SeriesFilter } from "../metrics/read-prometheus-series";

/**
 * What a scrape parses: the metric table's families, and every series the alert rules read,
 * whole (the rules group and filter by label themselves, as PromQL does).
 */
export const scrapeFamilies: SeriesFilter = new Map([
  ...scrapedFamilies,
  ...Object.keys(alertInputs).map((name) => [name, undefined] as const),
]);
