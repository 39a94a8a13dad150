/**
 * Faratin, P., Sierra, C. & Jennings, N. R. (1998). Negotiation decision functions for autonomous agents.
 * Robotics and Autonomous Systems 24(3-4), 159-182. Time-dependent tactics: offer(t) = min + alpha(t)(max - min),
 * alpha(t) = k + (1 - k)(t / T)^(1/beta); beta < 1 is Boulware (holds its opening until near the deadline),
 * beta > 1 Conceder (concedes early). Checked here: against the same opponent a Boulware agent concedes later
 * and reaches a price at least as good for itself as a Conceder's, and a strictly better one in general.
 */
import { describe, expect, it } from 'vitest';
import {
  alpha,
  negotiate,
  NegotiationOutcome,
  negotiationParams,
  OfferTrace,
} from '../../models/common/negotiation/index.js';
import { stream } from '../../sim/random/streams.js';

const td = (p: Record<string, unknown>) => negotiationParams.parse({ strategy: 'time-dependent', ...p });

describe('Faratin, Sierra & Jennings (1998): time-dependent tactics', () => {
  it('has alpha run from k to 1, below the line for Boulware and above it for Conceder', () => {
    const T = 11;
    const k = 0.1;
    expect(alpha(1, T, k, 1 / 0.2)).toBe(k);
    expect(alpha(T, T, k, 1 / 5)).toBe(1);
    for (let r = 2; r < T; r++) {
      const linear = alpha(r, T, k, 1);
      expect(linear).toBeCloseTo(k + (1 - k) * ((r - 1) / (T - 1)), 14);
      expect(alpha(r, T, k, 1 / 0.2)).toBeLessThan(linear);
      expect(alpha(r, T, k, 1 / 5)).toBeGreaterThan(linear);
    }
  });

  it('a Boulware buyer concedes later and pays less than a Conceder buyer against the same seller', () => {
    const out = new NegotiationOutcome();
    const trace = new OfferTrace();
    const rng = stream(1998, 0, 'negotiation');
    const base = { rounds: 20, firstMover: 'seller', tacticSeller: 'linear' };
    negotiate(10_000, 6_000, td({ ...base, tacticBuyer: 'boulware' }), rng, out, trace);
    const boulware = { price: out.price, rounds: out.rounds, offers: trace.offers() };
    negotiate(10_000, 6_000, td({ ...base, tacticBuyer: 'conceder' }), rng, out, trace);
    const conceder = { price: out.price, rounds: out.rounds, offers: trace.offers() };
    expect(boulware.rounds).toBeGreaterThan(conceder.rounds);
    expect(boulware.price).toBeLessThan(conceder.price);
    // Concedes later: at every round both made an offer, the Boulware buyer offered less.
    const buyerOffers = (o: typeof boulware.offers) => o.filter((x) => x.proposer === 'buyer');
    const b = buyerOffers(boulware.offers);
    const c = buyerOffers(conceder.offers);
    for (let i = 0; i < c.length; i++) expect(b[i].price).toBeLessThan(c[i].price);
  });

  it('a Boulware seller gets more than a Conceder seller; never worse over many random negotiations', () => {
    const draw = stream(1998, 1, 'values');
    const rng = stream(1998, 1, 'negotiation');
    const out = new NegotiationOutcome();
    let strictlyBetter = 0;
    const n = 3000;
    for (let i = 0; i < n; i++) {
      const c = draw.int(100_000);
      const v = c + draw.int(100_000);
      const opponent = (['boulware', 'linear', 'conceder'] as const)[draw.int(3)];
      const side = draw.chance(0.5) ? 'buyer' : 'seller';
      const base = {
        rounds: 2 + draw.int(40),
        firstMover: draw.chance(0.5) ? 'buyer' : 'seller',
        kappa: draw.float() * 0.5,
        aspiration: draw.float(),
      };
      const play = (tactic: string) =>
        td(
          side === 'buyer'
            ? { ...base, tacticBuyer: tactic, tacticSeller: opponent }
            : { ...base, tacticSeller: tactic, tacticBuyer: opponent },
        );
      negotiate(v, c, play('boulware'), rng, out);
      const [bPrice, bRounds] = [out.price, out.rounds];
      negotiate(v, c, play('conceder'), rng, out);
      const gain = side === 'buyer' ? out.price - bPrice : bPrice - out.price; // Boulware's advantage
      expect(gain).toBeGreaterThanOrEqual(0);
      expect(bRounds).toBeGreaterThanOrEqual(out.rounds);
      if (gain > 0) strictlyBetter++;
    }
    expect(strictlyBetter).toBeGreaterThan(n / 5);
  });
});
