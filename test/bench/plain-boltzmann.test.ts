import { describe, expect, it } from 'vitest';
import { plainBoltzmann } from './plain-boltzmann.js';

// The benchmark's reference loop: its two ways of measuring must be measuring the same thing.
describe('the benchmark reference loop', () => {
  it.each([1, 3])(
    'gives the same statistics from a recount and from a tracked histogram (wealth %i)',
    (w0) => {
      const plain = plainBoltzmann(1000, 50, w0, 7);
      const recount = plainBoltzmann(1000, 50, w0, 7, 'recount');
      const tracked = plainBoltzmann(1000, 50, w0, 7, 'tracked');
      expect(recount.wealth).toEqual(plain.wealth);
      expect(tracked.wealth).toEqual(plain.wealth);
      expect(recount.checksum).toBeGreaterThan(0);
      expect(tracked.checksum).toBe(recount.checksum);
      // Money is conserved by the loop itself.
      expect(plain.wealth.reduce((a, b) => a + b, 0)).toBe(1000 * w0);
    },
  );
});
