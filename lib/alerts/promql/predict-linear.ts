import type { Sample } from "./instant-vector";

// Prometheus's kahanSumInc, with Neumaier's improvement.
function kahanInc(inc: number, sum: number, c: number): [number, number] {
  const t = sum + inc;
  const nc = Math.abs(sum) >= Math.abs(inc) ? c + (sum - t + inc) : c + (inc - t + sum);
  return [t, nc];
}

/**
 * PromQL's predict_linear (Prometheus 2.42 linearRegression with Kahan sums): the least-squares
 * line through the samples, with its intercept at `at` (Unix ms), read `aheadSeconds` later.
 * Undefined with fewer than two samples, as Prometheus drops the series; a constant series
 * predicts its own value.
 */
export function predictLinear(
  samples: readonly Sample[],
  at: number,
  aheadSeconds: number,
): number | undefined {
  const first = samples[0];
  if (samples.length < 2 || first === undefined) return undefined;
  let n = 0;
  let sumX = 0;
  let cX = 0;
  let sumY = 0;
  let cY = 0;
  let sumXY = 0;
  let cXY = 0;
  let sumX2 = 0;
  let cX2 = 0;
  let constY = true;
  for (const s of samples) {
    if (constY && s.v !== first.v) constY = false;
    n += 1;
    const x = (s.t - at) / 1e3;
    [sumX, cX] = kahanInc(x, sumX, cX);
    [sumY, cY] = kahanInc(s.v, sumY, cY);
    [sumXY, cXY] = kahanInc(x * s.v, sumXY, cXY);
    [sumX2, cX2] = kahanInc(x * x, sumX2, cX2);
  }
  if (constY) return Number.isFinite(first.v) ? first.v : Number.NaN;
  sumX += cX;
  sumY += cY;
  sumXY += cXY;
  sumX2 += cX2;
  const covXY = sumXY - (sumX * sumY) / n;
  const varX = sumX2 - (sumX * sumX) / n;
  const slope = covXY / varX;
  const intercept = sumY / n - (slope * sumX) / n;
  return slope * aheadSeconds + intercept;
}
