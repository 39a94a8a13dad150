/**
 * Rubinstein, A. (1982). Perfect equilibrium in a bargaining model. Econometrica 50(1), 97-109.
 * Alternating offers over a surplus of 1, discount factors d1 (first mover) and d2: the unique subgame-perfect
 * equilibrium has the first mover propose x* = (1 - d2) / (1 - d1 d2), accepted at once; x* -> 1/2 as
 * d1 = d2 -> 1. The game cut off after T rounds (Ståhl, I. (1972). Bargaining Theory. Stockholm School of
 * Economics) is solved by backward induction: the last proposer takes all, x_T = 1, and
 * x_t = 1 - d_responder x_{t+1}; its first-round share tends to x* as T grows.
 */
import { describe, expect, it } from 'vitest';
import {
  finiteHorizonShare,
  firstMoverShare,
  negotiate,
  NegotiationOutcome,
  negotiationParams,
  OfferTrace,
  rubinsteinShare,
} from '../../models/common/negotiation/index.js';
import { stream } from '../../sim/random/streams.js';

/** Backward induction written out, independently of the closed form the code uses. */
function backwardInduction(d1: number, d2: number, T: number): number {
  let x = 1; // the proposer of round T keeps everything: rejecting ends the game with nothing
  for (let t = T - 1; t >= 1; t--) {
    const responderDiscount = t % 2 === 1 ? d2 : d1; // odd rounds: the first mover proposes
    x = 1 - responderDiscount * x;
  }
  return x;
}

describe('Rubinstein (1982): alternating offers in subgame-perfect equilibrium', () => {
  const V = 1_000_000;
  const C = 0;

  it('gives the first mover (1 - d2) / (1 - d1 d2) of the surplus, in round 1, for either first mover', () => {
    const draw = stream(1982, 0, 'discounts');
    const rng = stream(1982, 0, 'negotiation');
    const out = new NegotiationOutcome();
    const trace = new OfferTrace();
    for (let i = 0; i < 500; i++) {
      const dBuyer = 0.01 + 0.98 * draw.float();
      const dSeller = 0.01 + 0.98 * draw.float();
      for (const firstMover of ['buyer', 'seller'] as const) {
        const p = negotiationParams.parse({
          rounds: 0,
          discountBuyer: dBuyer,
          discountSeller: dSeller,
          firstMover,
        });
        const [d1, d2] = firstMover === 'seller' ? [dSeller, dBuyer] : [dBuyer, dSeller];
        negotiate(V, C, p, rng, out, trace);
        expect(out.agreed).toBe(true);
        expect(out.rounds).toBe(1); // immediate agreement
        expect(trace.offers()).toEqual([
          { round: 1, proposer: firstMover, price: out.price, accepted: true },
        ]);
        // Within one minor unit of a surplus of 10^6.
        expect(Math.abs(firstMoverShare(out, V, C, firstMover) - (1 - d2) / (1 - d1 * d2))).toBeLessThan(
          1e-6,
        );
      }
    }
  });

  it('splits evenly in the limit where both discount factors go to 1', () => {
    const shares = [0.9, 0.99, 0.999, 0.9999].map((d) => rubinsteinShare(d, d));
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeLessThan(shares[i - 1]);
    expect(shares[0]).toBeCloseTo(1 / 1.9, 12);
    expect(shares[3] - 0.5).toBeLessThan(3e-5);
    expect(shares[3]).toBeGreaterThan(0.5); // a first-mover advantage remains at every d < 1
  });

  it('matches backward induction over T rounds, and tends to the infinite-horizon share as T grows', () => {
    const draw = stream(1972, 0, 'discounts');
    for (let i = 0; i < 300; i++) {
      const d1 = draw.chance(0.1) ? 1 : draw.float();
      const d2 = draw.chance(0.1) ? 1 : draw.float();
      const T = 1 + draw.int(80);
      expect(finiteHorizonShare(d1, d2, T)).toBeCloseTo(backwardInduction(d1, d2, T), 12);
    }
    // Hand-solved small games: T = 1 ultimatum; T = 2; T = 3.
    expect(finiteHorizonShare(0.9, 0.8, 1)).toBe(1);
    expect(finiteHorizonShare(0.9, 0.8, 2)).toBeCloseTo(1 - 0.8, 14);
    expect(finiteHorizonShare(0.9, 0.8, 3)).toBeCloseTo(1 - 0.8 * (1 - 0.9), 14);
    const limit = rubinsteinShare(0.9, 0.8);
    expect(Math.abs(finiteHorizonShare(0.9, 0.8, 200) - limit)).toBeLessThan(1e-12);
    expect(Math.abs(finiteHorizonShare(0.9, 0.8, 21) - limit)).toBeLessThan(
      Math.abs(finiteHorizonShare(0.9, 0.8, 5) - limit),
    );
  });

  it('plays the finite-horizon equilibrium when rounds > 0, agreeing in round 1', () => {
    const out = new NegotiationOutcome();
    const rng = stream(1982, 1, 'negotiation');
    for (const T of [1, 2, 3, 4, 7, 10]) {
      const p = negotiationParams.parse({
        rounds: T,
        discountBuyer: 0.8,
        discountSeller: 0.9,
        firstMover: 'seller',
      });
      negotiate(V, C, p, rng, out);
      expect(out.rounds).toBe(1);
      expect(Math.abs(firstMoverShare(out, V, C, 'seller') - backwardInduction(0.9, 0.8, T))).toBeLessThan(
        1e-6,
      );
    }
  });
});
