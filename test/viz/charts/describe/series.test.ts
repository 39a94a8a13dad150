import { describe, expect, it } from 'vitest';
import { describeSeries } from '../../../../viz/charts/describe/series.js';

describe('a time series in words', () => {
  const gini = Float64Array.from([0.5, 0.2, 0.3, 0.6, 0.4, 0, 0]);
  const flat = Float64Array.from([7, 7, 7, 7, 7, 0, 0]);

  it('names title, unit and ticks, and each line’s latest, least and greatest value with their ticks', () => {
    const { label } = describeSeries({
      title: 'Gini over time',
      unit: 'share',
      series: [
        { name: 'gini_fiat', values: gini },
        { name: 'members', values: flat },
      ],
      n: 5,
      ticks: 7,
    });
    expect(label).toBe(
      'Gini over time (share), ticks 1 to 5 of 7. gini_fiat: latest 0.4, min 0.2 at tick 2, max 0.6 at tick 4; ' +
        'members: latest 7, constant.',
    );
  });

  it('reads only the ticks recorded, says when the run is complete, and skips missing values', () => {
    const values = Float64Array.from([NaN, 3, 1]);
    const { label } = describeSeries({
      title: 'T',
      unit: 'u',
      series: [{ name: 'x', values }],
      n: 3,
      ticks: 3,
    });
    expect(label).toBe('T (u), ticks 1 to 3. x: latest 1, min 1 at tick 3, max 3 at tick 2.');
  });

  it('says when nothing is recorded yet, or a line has no value', () => {
    expect(describeSeries({ title: 'T', unit: 'u', series: [], n: 0, ticks: 10 }).label).toBe(
      'T (u): no ticks yet.',
    );
    const none = describeSeries({
      title: 'T',
      unit: 'u',
      series: [{ name: 'x', values: [NaN] }],
      n: 1,
      ticks: 1,
    });
    expect(none.label).toBe('T (u), ticks 1 to 1. x: no value.');
  });

  it('gives a band’s ends at the latest tick, and reads a shorter line only as far as it goes', () => {
    const { label } = describeSeries({
      title: 'cultural_share (mean over seeds)',
      unit: 'share',
      series: [
        { name: 'a', values: [1, 2, 3], band: { low: [0, 1, 2.5], high: [2, 3, 3.5], label: '90% band' } },
        { name: 'b', values: [4, 5] },
      ],
      n: 3,
      ticks: 3,
    });
    expect(label).toContain('a: latest 3 (90% band 2.5 to 3.5), min 1 at tick 1, max 3 at tick 3');
    expect(label).toContain('b: latest 5, min 4 at tick 1, max 5 at tick 2');
  });
});
