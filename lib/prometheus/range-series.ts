/** One series of a Prometheus range query, translated from the API's JSON. Times in ms. */
export interface RangeSeries {
  labels: Record<string, string>;
  samples: ReadonlyArray<readonly [t: number, value: number]>;
}
