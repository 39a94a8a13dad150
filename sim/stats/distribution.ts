import { gini } from './gini.js';
import { histogram, type Histogram } from './histogram.js';
import { lorenz } from './lorenz.js';
import { mean } from './moments.js';

/** The shape of a sample for a dashboard: size, mean, Gini, histogram and Lorenz curve. */
export interface Distribution extends Histogram {
  readonly n: number;
  /** NaN for an empty sample, like the Gini. */
  readonly mean: number;
  readonly gini: number;
  readonly lorenzPopulation: Float64Array;
  readonly lorenzShare: Float64Array;
}

/** Histogram in about `bins` bins (see `histogram`), Lorenz curve at `lorenzPoints` points, mean and Gini. */
export function distributionOf(values: ArrayLike<number>, bins: number, lorenzPoints: number): Distribution {
  const n = values.length;
  const l = lorenz(values, lorenzPoints);
  return {
    n,
    mean: n ? mean(values) : NaN,
    gini: n ? gini(values) : NaN,
    ...histogram(values, bins),
    lorenzPopulation: l.population,
    lorenzShare: l.share,
  };
}
