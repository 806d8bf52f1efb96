import type { Labels } from "./labels";

/** One element of an instant vector: a label set and its value at the evaluation time. */
export interface VectorSample {
  labels: Labels;
  value: number;
}

/** One sample of a range vector, time in Unix milliseconds. */
export interface Sample {
  t: number;
  v: number;
}

/** One series of a range vector: its labels and its samples in time order. */
export interface RangeSeries {
  labels: Labels;
  samples: readonly Sample[];
}
