/** Why a negotiation ended without a deal. */
export const Breakdown = {
  /** A deal was struck. */
  none: 0,
  /** The buyer values the good below the seller's cost, and both know it (Nash, equilibrium play). */
  noOverlap: 1,
  /** The round limit passed without an accepted offer (time-dependent play). */
  deadline: 2,
} as const;

export type BreakdownCode = (typeof Breakdown)[keyof typeof Breakdown];

/** Names of the breakdown codes, as written to traces. */
export const BREAKDOWN_NAMES = ['none', 'no-overlap', 'deadline'] as const;

/** Who made an offer: a code, so traces store offers in typed arrays. */
export const Proposer = {
  buyer: 0,
  seller: 1,
  /** The Nash solution: the price an impartial arbiter would set, not an offer by either side. */
  arbiter: 2,
} as const;

export type ProposerCode = (typeof Proposer)[keyof typeof Proposer];

export const PROPOSER_NAMES = ['buyer', 'seller', 'arbiter'] as const;

/**
 * The result of one negotiation. The caller owns one and passes it to every `negotiate` call, which overwrites
 * all its fields: no allocation per negotiation.
 */
export class NegotiationOutcome {
  /** True when a price was agreed. */
  agreed = false;
  /** The agreed price in whole minor units, within [sellerCost, buyerValue]; NaN without a deal. */
  price = NaN;
  /** Offers made: the round of agreement, the round limit at a deadline breakdown, 0 when nobody offered. */
  rounds = 0;
  breakdown: BreakdownCode = Breakdown.none;

  /** Writes a deal. */
  agree(price: number, rounds: number): void {
    this.agreed = true;
    this.price = price;
    this.rounds = rounds;
    this.breakdown = Breakdown.none;
  }

  /** Writes a breakdown after `rounds` rejected offers. */
  fail(breakdown: BreakdownCode, rounds: number): void {
    this.agreed = false;
    this.price = NaN;
    this.rounds = rounds;
    this.breakdown = breakdown;
  }
}

/**
 * The first mover's share of the surplus buyerValue - sellerCost at the agreed price (the seller's share is
 * (price - cost) / surplus, the buyer's (value - price) / surplus); NaN without a deal or without a surplus.
 */
export function firstMoverShare(
  out: NegotiationOutcome,
  buyerValue: number,
  sellerCost: number,
  firstMover: 'buyer' | 'seller',
): number {
  const surplus = buyerValue - sellerCost;
  if (!out.agreed || surplus <= 0) return NaN;
  return firstMover === 'seller' ? (out.price - sellerCost) / surplus : (buyerValue - out.price) / surplus;
}
