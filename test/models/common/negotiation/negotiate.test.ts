import { describe, expect, it } from 'vitest';
import {
  Breakdown,
  negotiate,
  NegotiationOutcome,
  negotiationParams,
  negotiationRecord,
  OfferTrace,
} from '../../../../models/common/negotiation/index.js';
import { stream } from '../../../../sim/random/streams.js';

const params = (p: Record<string, unknown>) => negotiationParams.parse(p);

describe('negotiate: nash', () => {
  const nash = params({ protocol: 'nash' });

  it('agrees at once on the midpoint when the surplus is even', () => {
    const out = new NegotiationOutcome();
    expect(negotiate(10_000, 6_000, nash, stream(1, 0, 'n'), out)).toBe(true);
    expect(out).toMatchObject({ agreed: true, price: 8_000, rounds: 1, breakdown: Breakdown.none });
  });

  it('gives the odd minor unit of an odd surplus to either side, each about half the time', () => {
    const rng = stream(2, 0, 'n');
    const out = new NegotiationOutcome();
    let up = 0;
    for (let i = 0; i < 2000; i++) {
      negotiate(101, 0, nash, rng, out);
      expect([50, 51]).toContain(out.price);
      if (out.price === 51) up++;
    }
    expect(up).toBeGreaterThan(900);
    expect(up).toBeLessThan(1100);
  });

  it('agrees on the only possible price when value equals cost, and breaks down without overlap', () => {
    const out = new NegotiationOutcome();
    expect(negotiate(500, 500, nash, stream(1, 0, 'n'), out)).toBe(true);
    expect(out.price).toBe(500);
    expect(negotiate(499, 500, nash, stream(1, 0, 'n'), out)).toBe(false);
    expect(out).toMatchObject({ agreed: false, rounds: 0, breakdown: Breakdown.noOverlap });
    expect(out.price).toBeNaN();
  });
});

describe('negotiate: alternating, equilibrium', () => {
  it('lets the first mover propose its Rubinstein share, accepted in round 1', () => {
    const out = new NegotiationOutcome();
    // Seller first, dSeller = 0.5, dBuyer = 0.5: share (1 - 0.5) / (1 - 0.25) = 2/3 of 3000 = 2000.
    const p = params({ rounds: 0, discountBuyer: 0.5, discountSeller: 0.5, firstMover: 'seller' });
    expect(negotiate(4_000, 1_000, p, stream(1, 0, 'n'), out)).toBe(true);
    expect(out).toMatchObject({ price: 3_000, rounds: 1 });
    // Buyer first: the buyer keeps 2/3 of the surplus, so pays 1000 + 1000.
    negotiate(4_000, 1_000, { ...p, firstMover: 'buyer' }, stream(1, 0, 'n'), out);
    expect(out.price).toBe(2_000);
  });

  it('uses the finite-horizon share when rounds > 0: one round is an ultimatum, the proposer takes all', () => {
    const out = new NegotiationOutcome();
    negotiate(4_000, 1_000, params({ rounds: 1, firstMover: 'seller' }), stream(1, 0, 'n'), out);
    expect(out.price).toBe(4_000);
    negotiate(4_000, 1_000, params({ rounds: 1, firstMover: 'buyer' }), stream(1, 0, 'n'), out);
    expect(out.price).toBe(1_000);
    // Two rounds, buyer discount 0.75: the seller keeps 1 - 0.75 of the surplus.
    negotiate(4_000, 1_000, params({ rounds: 2, discountBuyer: 0.75 }), stream(1, 0, 'n'), out);
    expect(out.price).toBe(1_750);
  });

  it('breaks down with no offer when the values do not overlap', () => {
    const out = new NegotiationOutcome();
    const trace = new OfferTrace();
    expect(negotiate(100, 101, params({}), stream(1, 0, 'n'), out, trace)).toBe(false);
    expect(out).toMatchObject({ agreed: false, rounds: 0, breakdown: Breakdown.noOverlap });
    expect(trace.length).toBe(0);
  });
});

describe('negotiate: alternating, time-dependent', () => {
  const td = (p: Record<string, unknown>) => params({ strategy: 'time-dependent', ...p });

  it('alternates proposers from the first mover, concedes monotonically, and accepts only the last offer', () => {
    const out = new NegotiationOutcome();
    const trace = new OfferTrace();
    negotiate(10_000, 6_000, td({ rounds: 20, firstMover: 'buyer' }), stream(1, 0, 'n'), out, trace);
    const offers = trace.offers();
    expect(out.agreed).toBe(true);
    expect(offers.length).toBe(out.rounds);
    expect(offers.at(-1)).toMatchObject({ accepted: true, price: out.price, round: out.rounds });
    expect(offers.slice(0, -1).every((o) => !o.accepted)).toBe(true);
    offers.forEach((o, i) => expect(o.proposer).toBe(i % 2 === 0 ? 'buyer' : 'seller'));
    const buyer = offers.filter((o) => o.proposer === 'buyer').map((o) => o.price);
    const seller = offers.filter((o) => o.proposer === 'seller').map((o) => o.price);
    for (let i = 1; i < buyer.length; i++) expect(buyer[i]).toBeGreaterThanOrEqual(buyer[i - 1]);
    for (let i = 1; i < seller.length; i++) expect(seller[i]).toBeLessThanOrEqual(seller[i - 1]);
    // Linear tactics, k = 0: the buyer opens at value x (1 - 0.5), the seller (round 2) at 6000 - 1/19 of 3000.
    expect(buyer[0]).toBe(5_000);
    expect(seller[0]).toBe(Math.ceil(9_000 - (1 / 19) * 3_000));
  });

  it('accepts when the offer is at least as good as its own next offer (Faratin et al. rule)', () => {
    // Seller opens at 9000 in round 1; the buyer's next offer (round 2 of 2) is its value 10000 >= 9000: accept.
    const out = new NegotiationOutcome();
    negotiate(10_000, 6_000, td({ rounds: 2 }), stream(1, 0, 'n'), out);
    expect(out).toMatchObject({ agreed: true, price: 9_000, rounds: 1 });
    // One round: the seller offers its cost at once (alpha = 1), which the buyer accepts.
    negotiate(10_000, 6_000, td({ rounds: 1 }), stream(1, 0, 'n'), out);
    expect(out).toMatchObject({ agreed: true, price: 6_000, rounds: 1 });
  });

  it('runs into the deadline without overlap: every one of T offers rejected', () => {
    const out = new NegotiationOutcome();
    const trace = new OfferTrace();
    expect(negotiate(5_000, 5_001, td({ rounds: 7 }), stream(1, 0, 'n'), out, trace)).toBe(false);
    expect(out).toMatchObject({ agreed: false, rounds: 7, breakdown: Breakdown.deadline });
    expect(trace.length).toBe(7);
    expect(trace.offers().some((o) => o.accepted)).toBe(false);
    // Round 7 is the seller's (it moved first): at the deadline it offers its cost and no less.
    expect(trace.offers()[6]).toMatchObject({ proposer: 'seller', price: 5_001 });
    expect(
      Math.max(
        ...trace
          .offers()
          .filter((o) => o.proposer === 'buyer')
          .map((o) => o.price),
      ),
    ).toBeLessThanOrEqual(5_000);
  });

  it('draws no random numbers', () => {
    const a = stream(5, 0, 'n');
    negotiate(10_000, 6_000, td({ rounds: 30 }), a, new NegotiationOutcome());
    expect(a.nextU32()).toBe(stream(5, 0, 'n').nextU32());
  });
});

describe('outcome and trace objects', () => {
  it('are overwritten, not reallocated, and a trace records one negotiation at a time', () => {
    const out = new NegotiationOutcome();
    const trace = new OfferTrace();
    const p = params({
      strategy: 'time-dependent',
      rounds: 40,
      tacticBuyer: 'boulware',
      tacticSeller: 'boulware',
    });
    negotiate(10_000, 6_000, p, stream(1, 0, 'n'), out, trace);
    const first = trace.length;
    expect(first).toBeGreaterThan(16); // past the initial capacity: the arrays grew
    negotiate(10_000, 6_000, params({ protocol: 'nash' }), stream(1, 0, 'n'), out, trace);
    expect(trace.length).toBe(1);
    expect(trace.offers()).toEqual([{ round: 1, proposer: 'arbiter', price: 8_000, accepted: true }]);
  });

  it('make a JSON record of the whole negotiation', () => {
    const out = new NegotiationOutcome();
    const trace = new OfferTrace();
    const p = params({ strategy: 'time-dependent', rounds: 3 });
    negotiate(100, 200, p, stream(1, 0, 'n'), out, trace);
    const record = JSON.parse(JSON.stringify(negotiationRecord(100, 200, p, out, trace)));
    expect(record).toMatchObject({
      protocol: 'alternating',
      strategy: 'time-dependent',
      buyerValue: 100,
      sellerCost: 200,
      firstMover: 'seller',
      agreed: false,
      price: null,
      rounds: 3,
      breakdown: 'deadline',
    });
    expect(record.offers).toHaveLength(3);
    expect(record.offers[0]).toEqual({ round: 1, proposer: 'seller', price: 300, accepted: false });
  });
});
