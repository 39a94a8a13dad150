/**
 * Nash, J. F. (1950). The bargaining problem. Econometrica 18(2), 155-162.
 * With linear utilities u_b = v - p, u_s = p - c and disagreement point (0, 0), the Nash solution maximises
 * (v - p)(p - c): p* = (v + c) / 2, each side gets half the surplus v - c.
 */
import { describe, expect, it } from 'vitest';
import {
  firstMoverShare,
  negotiate,
  NegotiationOutcome,
  negotiationParams,
} from '../../models/common/negotiation/index.js';
import { stream } from '../../sim/random/streams.js';

describe('Nash (1950): the even split', () => {
  const nash = negotiationParams.parse({ protocol: 'nash' });

  it('agrees on (v + c) / 2 within half a minor unit, which maximises the Nash product over whole prices', () => {
    const draw = stream(1950, 0, 'values');
    const rng = stream(1950, 0, 'negotiation');
    const out = new NegotiationOutcome();
    for (let i = 0; i < 2000; i++) {
      const c = draw.int(1_000_000);
      const v = c + draw.int(1_000_000);
      negotiate(v, c, nash, rng, out);
      expect(Math.abs(out.price - (v + c) / 2)).toBeLessThanOrEqual(0.5);
      // No whole price has a larger Nash product (v - p)(p - c).
      const product = (p: number) => (v - p) * (p - c);
      expect(product(out.price)).toBeGreaterThanOrEqual(product(out.price + 1));
      expect(product(out.price)).toBeGreaterThanOrEqual(product(out.price - 1));
    }
  });

  it('gives each side half the surplus on average, whoever is called the first mover', () => {
    const rng = stream(1950, 1, 'negotiation');
    const out = new NegotiationOutcome();
    let seller = 0;
    let buyer = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      negotiate(1_003, 0, nash, rng, out); // odd surplus: the half unit is a fair coin
      seller += firstMoverShare(out, 1_003, 0, 'seller');
      buyer += firstMoverShare(out, 1_003, 0, 'buyer');
    }
    expect(seller / n).toBeCloseTo(0.5, 4);
    expect(buyer / n).toBeCloseTo(0.5, 4);
  });
});
