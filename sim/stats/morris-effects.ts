/**
 * The one-at-a-time steps of Morris trajectories (what `morrisEffects` needs of a Morris design): r trajectories
 * of d steps, each trajectory moving every factor exactly once.
 */
export interface ElementarySteps {
  /** d, the number of factors. */
  readonly factors: number;
  /** For trajectory t and step k (t d + k): the factor the step moves... */
  readonly factor: Int32Array;
  /** ...and by how much, in unit positions (±Δ). */
  readonly step: Float64Array;
}

/** Per factor: Morris' mean elementary effect, the mean of its absolute value, and its standard deviation. */
export interface MorrisEffects {
  readonly mu: Float64Array;
  readonly muStar: Float64Array;
  readonly sigma: Float64Array;
}

/**
 * Morris' (1991) elementary effects from r trajectories of d + 1 outputs each (y[t (d + 1) + k], one output per
 * point: average a point's replications first): each step k of trajectory t gives factor i = factor[t d + k] the
 * effect EE = (y_{k+1} − y_k) / step. Per factor over the r trajectories: mu, the mean effect; mu_star, the mean
 * |EE| (Campolongo, Cariboni & Saltelli 2007: it ranks factors whose effects change sign); sigma, the sample
 * standard deviation (n − 1; NaN with one trajectory): non-linearity or interactions.
 */
export function morrisEffects(y: ArrayLike<number>, steps: ElementarySteps): MorrisEffects {
  const d = steps.factors;
  const r = steps.factor.length / d;
  if (!Number.isInteger(r) || y.length !== r * (d + 1) || steps.step.length !== steps.factor.length) {
    throw new RangeError(`${r} trajectories of ${d} factors need ${r * (d + 1)} outputs (got ${y.length})`);
  }
  // Each factor moves once per trajectory: its r effects in a row of `effects`.
  const effects = new Float64Array(d * r);
  for (let t = 0; t < r; t++) {
    for (let k = 0; k < d; k++) {
      const at = t * (d + 1) + k;
      effects[steps.factor[t * d + k] * r + t] = (y[at + 1] - y[at]) / steps.step[t * d + k];
    }
  }
  const mu = new Float64Array(d);
  const muStar = new Float64Array(d);
  const sigma = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const row = effects.subarray(i * r, (i + 1) * r);
    let sum = 0;
    let sumAbs = 0;
    for (let t = 0; t < r; t++) {
      sum += row[t];
      sumAbs += Math.abs(row[t]);
    }
    const mean = sum / r;
    let ss = 0;
    for (let t = 0; t < r; t++) ss += (row[t] - mean) ** 2;
    mu[i] = mean;
    muStar[i] = sumAbs / r;
    sigma[i] = r > 1 ? Math.sqrt(ss / (r - 1)) : NaN;
  }
  return { mu, muStar, sigma };
}
