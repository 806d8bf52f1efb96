// The package ships no types. Values stay strings ("+Inf", "NaN", "1e+09") as in its output.
declare module "parse-prometheus-text-format" {
  export interface PrometheusTextSample {
    value?: string;
    labels?: Record<string, string>;
    timestamp_ms?: string;
    /** Only for HISTOGRAM families, keyed by the `le` label. */
    buckets?: Record<string, string>;
    /** Only for SUMMARY families, keyed by the `quantile` label. */
    quantiles?: Record<string, string>;
    count?: string;
    sum?: string;
  }

  export interface PrometheusTextFamily {
    name: string;
    help: string;
    /** The upper-cased `# TYPE`, or "UNTYPED". */
    type: string;
    metrics: PrometheusTextSample[];
  }

  /** Throws an Error named "InvalidLineError" on a line it cannot read. */
  export default function parsePrometheusTextFormat(text: string): PrometheusTextFamily[];
}
