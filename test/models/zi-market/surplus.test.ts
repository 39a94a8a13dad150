import { describe, expect, it } from 'vitest';
import { equilibrium, type Equilibrium } from '../../../models/zi-market/surplus.js';

const out = (): Equilibrium => ({ quantity: 0, surplus: 0, price: 0 });

describe('equilibrium', () => {
  it('sums value - cost over the efficient units and takes the midpoint of the clearing interval', () => {
    // Values high to low: 90 70 50 30; costs low to high: 20 40 60 80.
    // Units 1 and 2 trade (90 > 20, 70 > 40), unit 3 does not (50 < 60): q = 2, surplus 70 + 30 = 100.
    // Clearing prices: [max(cost_2, value_3), min(value_2, cost_3)] = [max(40, 50), min(70, 60)] = [50, 60].
    const e = equilibrium([30, 50, 70, 90], 4, [20, 40, 60, 80], 4, out());
    expect(e).toEqual({ quantity: 2, surplus: 100, price: 55 });
  });

  it('handles no gains from trade, a short side and ties', () => {
    expect(equilibrium([10, 20], 2, [30, 40], 2, out())).toEqual({ quantity: 0, surplus: 0, price: 25 });
    // One seller (cost 10), three buyers: the highest value buys; prices in [max(10, 60), 80] = [60, 80].
    expect(equilibrium([40, 60, 80], 3, [10], 1, out())).toEqual({ quantity: 1, surplus: 70, price: 70 });
    // A unit with value = cost adds nothing and is not counted.
    expect(equilibrium([50, 90], 2, [10, 50], 2, out()).quantity).toBe(1);
  });
});
