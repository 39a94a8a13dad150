import { describe, expect, it } from 'vitest';
import { describeFactorScatter, describeScatter } from '../../../../viz/charts/describe/scatter.js';

describe('a scatter plot in words', () => {
  it('counts the points and gives the range of each axis', () => {
    const { label } = describeScatter({
      title: 'Dividend against records',
      xLabel: 'records',
      yLabel: 'dividend',
      x: Float64Array.from([3, 1, 2, NaN]),
      y: Float64Array.from([30, 10, 25, 5]),
    });
    expect(label).toBe('Dividend against records: 4 points; records from 1 to 3, dividend from 5 to 30.');
  });

  it('says when there are no points', () => {
    expect(describeScatter({ title: 'S', xLabel: 'x', yLabel: 'y', x: [], y: [] }).label).toBe(
      'S: no points.',
    );
  });
});

describe('a factor scatter in words', () => {
  it('reads the mean at each value of a factor with few design points, in the factor’s order', () => {
    const { label } = describeFactorScatter({
      title: 'gini against epsilon',
      factor: 'epsilon',
      metric: 'gini',
      runs: 6,
      means: [
        { x: 1, y: 0.3 },
        { x: 0.1, y: 0.4 },
        { x: 0.5, y: 0.35 },
      ],
    });
    expect(label).toBe(
      'gini against epsilon: 6 runs at 3 design points. Mean gini: 0.4 at epsilon 0.1, 0.35 at epsilon 0.5, ' +
        '0.3 at epsilon 1.',
    );
  });

  it('gives the ends and the extremes when there are many points, and reads levels by name', () => {
    const means = [0, 1, 2, 3, 4, 5, 6, 7].map((x) => ({ x, y: x === 3 ? 9 : x === 5 ? -1 : x }));
    const many = describeFactorScatter({ title: 'm', factor: 'f', metric: 'm', runs: 8, means }).label;
    expect(many).toBe(
      'm: 8 runs at 8 design points. Mean m 0 at f 0, 7 at f 7; least -1 at f 5, greatest 9 at f 3.',
    );
    const levels = describeFactorScatter({
      title: 'm',
      factor: 'mechanism',
      metric: 'm',
      runs: 2,
      means: [
        { x: 'posted', y: 2 },
        { x: 'auction', y: 1 },
      ],
    }).label;
    expect(levels).toBe(
      'm: 2 runs at 2 design points. Mean m: 1 at mechanism auction, 2 at mechanism posted.',
    );
  });
});
