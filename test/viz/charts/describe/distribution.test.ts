import { describe, expect, it } from 'vitest';
import {
  describeHistogram,
  describeLorenz,
  shareBelow,
} from '../../../../viz/charts/describe/distribution.js';

describe('a histogram in words', () => {
  it('counts the agents and gives the range, the fullest bin and the bin of the median', () => {
    const { label } = describeHistogram({
      title: 'Fiat holdings at tick 90',
      unit: 'fiat holdings',
      binStart: Float64Array.from([0, 250, 500, 750]),
      binWidth: 250,
      counts: Float64Array.from([10, 40, 30, 20]),
    });
    expect(label).toBe(
      'Fiat holdings at tick 90: 100 agents, fiat holdings from 0 to 1,000 in 4 bins. The fullest bin is 250 to ' +
        '500 (40 agents); the median lies in 250 to 500.',
    );
  });

  it('puts the median where half the agents are reached, and names the line drawn over the bars', () => {
    const { label } = describeHistogram({
      title: 'W',
      unit: 'wealth',
      binStart: [0, 1, 2],
      binWidth: 1,
      counts: [45, 5, 50],
      theoryLabel: 'geometric law',
    });
    expect(label).toContain('The fullest bin is 2 to 3 (50 agents); the median lies in 1 to 2.');
    expect(label).toMatch(/A line shows the geometric law\.$/);
  });

  it('says when there is nobody', () => {
    expect(describeHistogram({ title: 'W', unit: 'u', binStart: [0], binWidth: 1, counts: [0] }).label).toBe(
      'W: no agents.',
    );
  });
});

describe('a Lorenz curve in words', () => {
  // Four agents holding 0, 1, 1 and 2: the curve at p = 0, 1/4, 1/2, 3/4, 1.
  const curve = { population: [0, 0.25, 0.5, 0.75, 1], share: [0, 0, 0.25, 0.5, 1] };

  it('reads the share held below a population share between the curve’s points', () => {
    expect(shareBelow(curve, 0.5)).toBe(0.25);
    expect(shareBelow(curve, 0.9)).toBeCloseTo(0.8, 12);
    expect(shareBelow(curve, 0)).toBe(0);
    expect(shareBelow(curve, 1)).toBe(1);
  });

  it('gives the Gini and the shares of the poorest half and the richest tenth', () => {
    const { label } = describeLorenz({ title: 'Lorenz curve of wealth', gini: 0.375, ...curve });
    expect(label).toBe(
      'Lorenz curve of wealth: Gini 0.375 (0: all hold the same, 1: one holds everything). The poorest half hold ' +
        '25% of the total, the richest tenth 20%.',
    );
  });
});
