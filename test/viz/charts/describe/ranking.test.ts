import { describe, expect, it } from 'vitest';
import { describeRanking } from '../../../../viz/charts/describe/ranking.js';

describe('sensitivity bars in words', () => {
  it('rank the factors in the order given with their indices, the intervals in the description', () => {
    const alt = describeRanking('gini: Sobol’ indices', [
      { factor: 'epsilon', index: 'ST', value: 0.62, low: 0.5, high: 0.7 },
      { factor: 'epsilon', index: 'S1', value: 0.41, low: 0.3, high: 0.5 },
      { factor: 'k', index: 'ST', value: 0.05, low: NaN, high: NaN },
      { factor: 'k', index: 'S1', value: 0.01, low: 0, high: 0.02 },
    ]);
    expect(alt.label).toBe(
      'gini: Sobol’ indices. Factors, most influential first: 1. epsilon: ST 0.62, S1 0.41; 2. k: ST 0.05, S1 0.01.',
    );
    expect(alt.description).toBe('Intervals: epsilon ST 0.5 to 0.7; epsilon S1 0.3 to 0.5; k S1 0 to 0.02.');
  });

  it('have no description without intervals (Morris), and say when there is no factor', () => {
    const morris = describeRanking('m', [{ factor: 'a', index: 'mu_star', value: 3, low: NaN, high: NaN }]);
    expect(morris).toEqual({ label: 'm. Factors, most influential first: 1. a: mu_star 3.' });
    expect(describeRanking('m', []).label).toBe('m: no factors.');
  });
});
