import { histogramChart } from '../charts/histogram.js';
import { lorenzChart } from '../charts/lorenz.js';
import { registerDashboard } from './registry.js';

/**
 * Expected agents per bin under the geometric law of integer wealth with mean m (the discrete Boltzmann-Gibbs
 * law, Dragulescu & Yakovenko 2000): P(w = k) = (1 - p) p^k with p = m / (1 + m), so a bin [a, a + w)
 * holds n (p^a - p^(a+w)) agents. Only meaningful for non-negative integer wealth.
 */
export function geometricExpected(
  binStart: Float64Array,
  binWidth: number,
  n: number,
  mean: number,
): Float64Array {
  const p = mean / (1 + mean);
  return binStart.map((a) => (a < 0 ? 0 : n * (p ** a - p ** (a + binWidth))));
}

registerDashboard('kinetic-exchange', [
  { kind: 'series', id: 'gini', title: 'Inequality over time (Gini)', metrics: ['gini'] },
  {
    kind: 'distribution',
    id: 'wealth-histogram',
    title: 'Wealth distribution against the geometric law',
    array: 'wealth',
    render: (d, params) =>
      histogramChart({
        title: `Wealth distribution at tick ${d.tick} against the geometric law`,
        unit: 'wealth (units)',
        binStart: d.binStart,
        binWidth: d.binWidth,
        counts: d.counts,
        // The closed form holds for the unit rule without debt; elsewhere only the histogram is drawn.
        theory:
          params.rule === 'unit' && params.debtLimit === 0
            ? geometricExpected(d.binStart, d.binWidth, d.n, d.mean)
            : undefined,
        theoryLabel: `geometric law, p = m/(1+m), m = ${d.mean.toFixed(2)}`,
      }),
  },
  {
    kind: 'distribution',
    id: 'wealth-lorenz',
    title: 'Lorenz curve of wealth',
    array: 'wealth',
    render: (d) =>
      lorenzChart({
        title: `Lorenz curve of wealth at tick ${d.tick}`,
        population: d.lorenzPopulation,
        share: d.lorenzShare,
        gini: d.gini,
      }),
  },
  {
    kind: 'series',
    id: 'spread',
    title: 'Mean, spread and extremes of wealth',
    metrics: ['mean', 'sd', 'max', 'min'],
  },
  {
    kind: 'series',
    id: 'poor',
    title: 'Agents with nothing or in debt',
    metrics: ['share_zero_or_less', 'share_negative'],
  },
]);
