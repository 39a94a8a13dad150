import { describe, expect, it } from 'vitest';
import { clusterCentres, clusterLayout, rankOrder } from '../../viz/economy-view/layout.js';

const input = {
  ids: Int32Array.from([0, 1, 2, 3, 4, 5]),
  // one member of group 0, one of group 1, two of both, two outsiders
  masks: Int32Array.from([1, 2, 3, 3, 0, 0]),
  clusters: 2,
  kinds: Uint8Array.from([0, 0, 0, 1, 0, 0]),
  hubsOutside: [false, true],
  width: 800,
  height: 500,
};

describe('the live view layout', () => {
  it('is deterministic', () => {
    const a = clusterLayout(input);
    const b = clusterLayout(input);
    expect([...a.x]).toEqual([...b.x]);
    expect([...a.y]).toEqual([...b.y]);
  });

  it('places a member of two groups between their centres, outsiders apart, companies larger', () => {
    const p = clusterLayout(input);
    const [[x0], [x1]] = clusterCentres(2, 800 * 0.16, 800 * 0.76, 500);
    const spread = Math.min(800 * 0.6, 500) * 0.17;
    expect(Math.abs(p.x[2] - (x0 + x1) / 2)).toBeLessThanOrEqual(spread + 1e-3);
    expect(Math.abs(p.x[0] - x0)).toBeLessThanOrEqual(spread + 1e-3);
    expect(Math.abs(p.x[1] - x1)).toBeLessThanOrEqual(spread + 1e-3);
    expect(p.x[0]).toBeLessThan(p.x[2]);
    expect(p.x[2]).toBeLessThan(p.x[1]);
    for (const k of [4, 5]) expect(p.x[k]).toBeLessThan(800 * 0.16);
    for (const k of [0, 1, 2, 3]) expect(p.x[k]).toBeGreaterThan(800 * 0.16);
    expect(p.r[3]).toBeGreaterThan(p.r[2]);
    // the inside hub right of the members, the outside hub beyond it
    expect(p.hubX[0]).toBeGreaterThan(800 * 0.76);
    expect(p.hubX[1]).toBeGreaterThan(p.hubX[0]);
  });

  it('ranks by value, largest first, ties by index', () => {
    expect([...rankOrder(Float64Array.from([3, 9, 3, 1]))]).toEqual([1, 0, 2, 3]);
  });
});
