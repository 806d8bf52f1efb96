import "server-only";

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// Spellings Go's strconv.ParseFloat accepts, which is what Prometheus exporters write.
const SPECIAL_VALUES = new Map<string, number>([
  ["+inf", Number.POSITIVE_INFINITY],
  ["inf", Number.POSITIVE_INFINITY],
  ["+infinity", Number.POSITIVE_INFINITY],
  ["infinity", Number.POSITIVE_INFINITY],
  ["-inf", Number.NEGATIVE_INFINITY],
  ["-infinity", Number.NEGATIVE_INFINITY],
  ["nan", Number.NaN],
]);

/**
 * Reads a Prometheus text-format number ("12", "2.147483648e+09", "+Inf", "NaN"), as a sample
 * value or an `le` label. Returns undefined for anything else, where Number() would turn ""
 * into 0 and accept "0x10".
 */
export function parsePrometheusValue(token: string): number | undefined {
  const special = SPECIAL_VALUES.get(token.toLowerCase());
  if (special !== undefined) return special;
  return DECIMAL.test(token) ? Number(token) : undefined;
}
