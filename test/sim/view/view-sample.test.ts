import { describe, expect, it } from 'vitest';
import { sampleIndex, viewSample } from '../../../sim/view/view-sample.js';

describe('viewSample', () => {
  it('keeps every member up to the maximum', () => {
    expect([...viewSample(5, 10)]).toEqual([0, 1, 2, 3, 4]);
  });

  it('spreads at most max distinct ids evenly, ascending, the same on every call', () => {
    const ids = viewSample(10_000, 3000);
    expect(ids.length).toBe(3000);
    expect(new Set(ids).size).toBe(3000);
    for (let k = 1; k < ids.length; k++) expect(ids[k]).toBeGreaterThan(ids[k - 1]);
    expect(ids[0]).toBe(0);
    expect(ids[ids.length - 1]).toBeLessThan(10_000);
    expect(ids[ids.length - 1]).toBeGreaterThan(9_990);
    expect([...viewSample(10_000, 3000)]).toEqual([...ids]);
  });

  it('indexes the sample for an O(1) test', () => {
    const ids = viewSample(10, 3);
    const index = sampleIndex(10, ids);
    ids.forEach((id, k) => expect(index[id]).toBe(k));
    expect([...index].filter((k) => k < 0).length).toBe(7);
  });
});
