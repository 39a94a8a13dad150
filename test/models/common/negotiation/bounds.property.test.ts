import { describe, expect, it } from 'vitest';
import {
  Breakdown,
  negotiate,
  NegotiationOutcome,
  negotiationParams,
  type NegotiationParams,
} from '../../../../models/common/negotiation/index.js';
import type { Rng } from '../../../../sim/random/rng.js';
import { stream } from '../../../../sim/random/streams.js';

const TACTICS = ['boulware', 'linear', 'conceder'] as const;

/** Random params of every protocol and strategy, drawn from the seeded stream `draw`. */
function randomParams(draw: Rng): NegotiationParams {
  const kind = draw.int(4);
  const tactic = () => (draw.chance(0.5) ? TACTICS[draw.int(3)] : 0.05 + draw.float() * 20);
  return negotiationParams.parse({
    protocol: kind === 0 ? 'nash' : 'alternating',
    strategy: kind === 3 ? 'time-dependent' : 'equilibrium',
    rounds: kind === 1 ? 0 : 1 + draw.int(60),
    // In (0.001, 1]; the seller's is exactly 1 a tenth of the time (the buyer's stays below 1, as the unlimited
    // game needs one factor below 1).
    discountBuyer: 1 - draw.float() * 0.999,
    discountSeller: draw.chance(0.1) ? 1 : 1 - draw.float() * 0.999,
    firstMover: draw.chance(0.5) ? 'buyer' : 'seller',
    tacticBuyer: tactic(),
    tacticSeller: tactic(),
    kappa: draw.float() * 0.9,
    aspiration: draw.float(),
  });
}

describe('every agreement lies between both reservation values (property)', () => {
  it('holds for 20,000 random value pairs, discount factors, protocols and tactics', () => {
    const draw = stream(2026, 0, 'property');
    const rng = stream(2026, 0, 'negotiation');
    const out = new NegotiationOutcome();
    const counts = { agreed: 0, noOverlap: 0, deadline: 0 };
    for (let i = 0; i < 20_000; i++) {
      const p = randomParams(draw);
      // Values from 0 to 10^9 minor units, overlapping about four times in five.
      const scale = 10 ** draw.int(10);
      const sellerCost = draw.int(scale);
      const buyerValue = draw.chance(0.8) ? sellerCost + draw.int(scale) : draw.int(sellerCost + 1);
      const agreed = negotiate(buyerValue, sellerCost, p, rng, out);
      expect(agreed).toBe(out.agreed);
      if (agreed) {
        counts.agreed++;
        expect(Number.isInteger(out.price)).toBe(true);
        expect(out.price).toBeGreaterThanOrEqual(sellerCost);
        expect(out.price).toBeLessThanOrEqual(buyerValue);
        expect(out.rounds).toBeGreaterThanOrEqual(1);
        if (p.protocol === 'alternating') expect(out.rounds).toBeLessThanOrEqual(p.rounds || 1);
      } else {
        // A breakdown happens exactly when there is no overlap; how depends on what the agents know.
        expect(buyerValue).toBeLessThan(sellerCost);
        if (p.strategy === 'time-dependent' && p.protocol === 'alternating') {
          expect(out.breakdown).toBe(Breakdown.deadline);
          expect(out.rounds).toBe(p.rounds);
          counts.deadline++;
        } else {
          expect(out.breakdown).toBe(Breakdown.noOverlap);
          expect(out.rounds).toBe(0);
          counts.noOverlap++;
        }
      }
    }
    // Every branch was exercised.
    expect(counts.agreed).toBeGreaterThan(10_000);
    expect(counts.noOverlap).toBeGreaterThan(500);
    expect(counts.deadline).toBeGreaterThan(200);
  });
});
