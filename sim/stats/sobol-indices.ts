import { stream } from '../random/streams.js';
import { quantileSorted } from './quantile.js';

/** Per factor: first-order (S1) and total (ST) Sobol' indices, each with its bootstrap interval. */
export interface SobolIndices {
  readonly S1: Float64Array;
  readonly S1Low: Float64Array;
  readonly S1High: Float64Array;
  readonly ST: Float64Array;
  readonly STLow: Float64Array;
  readonly STHigh: Float64Array;
  /** The output's variance over A and B, the denominator of every index. */
  readonly variance: number;
}

export interface SobolIndicesOptions {
  /** Bootstrap resamples of the N base rows (default 1000; 0: no intervals, NaN bounds). */
  readonly resamples?: number;
  /** Coverage of the percentile intervals (default 0.95). */
  readonly confidence?: number;
  /** Seed of the bootstrap's random stream (default 1): the same seed, the same intervals. */
  readonly seed?: number;
}

/**
 * First-order and total Sobol' indices from Saltelli's scheme: yA[j], yB[j] the outputs at rows j of A and B,
 * yAB[i][j] at row j of AB_i (A with column i from B), for j < N. With V the variance of the 2N outputs of A
 * and B (Saltelli et al. 2010, table 2):
 *   S1_i = (1/N) Σ_j (yB_j − m) (yAB_ij − yA_j) / V    (Saltelli et al. 2010, estimator (b), centred)
 *   ST_i = (1/2N) Σ_j (yA_j − yAB_ij)² / V             (Jansen 1999)
 * with m the mean of the 2N outputs of A and B. Centring leaves S1's expectation as it is (E[yAB_i − yA] = 0) but
 * removes the term m (yAB_ij − yA_j), whose variance grows with m² and swamps the estimate when an output's mean is
 * large against its spread (a price near 2,000 that moves by ±10%: uncentred, S1's 95% interval spans ±1.5); the
 * empirical mean is what Janon et al. (2014) subtract for the same reason.
 * Intervals: percentile bootstrap over the N rows (the same resampled rows for A, B and every AB_i, V recomputed
 * on each resample), from the stream `sobol-bootstrap` of `seed`. Over quasi-random rows the bootstrap, which
 * assumes independent rows, is conservative. One output per point: average the replications (seeds) of a point
 * first (see `replicateMeans`). A NaN output makes every index NaN.
 */
export function sobolIndices(
  yA: ArrayLike<number>,
  yB: ArrayLike<number>,
  yAB: readonly ArrayLike<number>[],
  options: SobolIndicesOptions = {},
): SobolIndices {
  const n = yA.length;
  const d = yAB.length;
  if (n < 2 || yB.length !== n || yAB.some((y) => y.length !== n)) {
    throw new RangeError(`yA, yB and every yAB[i] need the same length, at least 2 (got ${n})`);
  }
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const S1 = new Float64Array(d);
  const ST = new Float64Array(d);
  const variance = estimate(yA, yB, yAB, null, S1, ST);

  const S1Low = new Float64Array(d).fill(NaN);
  const S1High = new Float64Array(d).fill(NaN);
  const STLow = new Float64Array(d).fill(NaN);
  const STHigh = new Float64Array(d).fill(NaN);
  if (resamples > 0) {
    const rng = stream(options.seed ?? 1, 0, 'sobol-bootstrap');
    const rows = new Int32Array(n);
    const s1 = new Float64Array(d);
    const st = new Float64Array(d);
    const s1Draws = Array.from({ length: d }, () => new Float64Array(resamples));
    const stDraws = Array.from({ length: d }, () => new Float64Array(resamples));
    for (let b = 0; b < resamples; b++) {
      for (let j = 0; j < n; j++) rows[j] = rng.int(n);
      estimate(yA, yB, yAB, rows, s1, st);
      for (let i = 0; i < d; i++) {
        s1Draws[i][b] = s1[i];
        stDraws[i][b] = st[i];
      }
    }
    const lo = (1 - confidence) / 2;
    const hi = 1 - lo;
    for (let i = 0; i < d; i++) {
      const a = s1Draws[i].sort();
      const t = stDraws[i].sort();
      S1Low[i] = quantileSorted(a, lo);
      S1High[i] = quantileSorted(a, hi);
      STLow[i] = quantileSorted(t, lo);
      STHigh[i] = quantileSorted(t, hi);
    }
  }
  return { S1, S1Low, S1High, ST, STLow, STHigh, variance };
}

/** Both estimators on the rows `rows` (null: every row once); writes S1 and ST, returns V. */
function estimate(
  yA: ArrayLike<number>,
  yB: ArrayLike<number>,
  yAB: readonly ArrayLike<number>[],
  rows: Int32Array | null,
  S1: Float64Array,
  ST: Float64Array,
): number {
  const n = yA.length;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const j = rows ? rows[k] : k;
    sum += yA[j] + yB[j];
  }
  const m = sum / (2 * n);
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const j = rows ? rows[k] : k;
    ss += (yA[j] - m) ** 2 + (yB[j] - m) ** 2;
  }
  const v = ss / (2 * n);
  for (let i = 0; i < yAB.length; i++) {
    const ab = yAB[i];
    let first = 0;
    let total = 0;
    for (let k = 0; k < n; k++) {
      const j = rows ? rows[k] : k;
      first += (yB[j] - m) * (ab[j] - yA[j]);
      total += (yA[j] - ab[j]) ** 2;
    }
    S1[i] = first / n / v;
    ST[i] = total / (2 * n) / v;
  }
  return v;
}
