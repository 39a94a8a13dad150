import { Breakdown, NegotiationOutcome, Proposer } from './outcome.js';
import { TACTIC_BETAS, type NegotiationParams, type TacticName } from './params.js';
import type { OfferTrace } from './trace.js';

/**
 * Time-dependent tactics (Faratin, Sierra & Jennings 1998) in the alternating-offers protocol, with private
 * reservation values. At round r = 1..T each side's concession is alpha(r) = k + (1 - k) tau^(1/beta), with
 * tau = (r - 1) / (T - 1) (1 when T = 1): it opens at k of the way from its opening price to its reservation
 * value and reaches the reservation value at the deadline. The buyer opens at floor(value (1 - aspiration)) and
 * offers floor(open + alpha (value - open)); the seller opens at ceil(cost (1 + aspiration)) and offers
 * ceil(open - alpha (open - cost)): whole minor units, rounded in the proposer's favour, never past its
 * reservation value. The responder accepts when the offer is at least as good as its own next offer; after the
 * last round its next offer is its reservation value (a deal no worse than none). So whenever the values
 * overlap a deal is struck by round T, and without overlap the talks run into the deadline.
 */
export function negotiateTimeDependent(
  buyerValue: number,
  sellerCost: number,
  p: NegotiationParams,
  out: NegotiationOutcome,
  trace: OfferTrace | null,
): boolean {
  const T = p.rounds;
  const k = p.kappa;
  const invBetaBuyer = inverseBeta(p.tacticBuyer);
  const invBetaSeller = inverseBeta(p.tacticSeller);
  const buyerOpen = Math.floor(buyerValue * (1 - p.aspiration));
  const sellerOpen = Math.ceil(sellerCost * (1 + p.aspiration));
  const buyerFirst = p.firstMover === 'buyer';
  // The responder's next offer, computed to decide on this round's offer, is what it proposes next round.
  let price = buyerFirst
    ? buyerOffer(buyerOpen, buyerValue, alpha(1, T, k, invBetaBuyer))
    : sellerOffer(sellerOpen, sellerCost, alpha(1, T, k, invBetaSeller));
  for (let r = 1; r <= T; r++) {
    const buyerProposes = (r % 2 === 1) === buyerFirst;
    const counter = buyerProposes
      ? sellerOffer(sellerOpen, sellerCost, alpha(r + 1, T, k, invBetaSeller))
      : buyerOffer(buyerOpen, buyerValue, alpha(r + 1, T, k, invBetaBuyer));
    const accepted = buyerProposes ? price >= counter : price <= counter;
    if (trace) trace.push(r, buyerProposes ? Proposer.buyer : Proposer.seller, price, accepted);
    if (accepted) {
      out.agree(price, r);
      return true;
    }
    price = counter;
  }
  out.fail(Breakdown.deadline, T);
  return false;
}

/** Faratin's polynomial concession at round r of T: k at the first round, 1 from round T on. */
export function alpha(r: number, T: number, k: number, invBeta: number): number {
  const tau = T <= 1 || r >= T ? 1 : (r - 1) / (T - 1);
  return k + (1 - k) * Math.pow(tau, invBeta);
}

// Module constants and a branch per name rather than a table lookup: V8 then returns the double unboxed.
const INV_BOULWARE = 1 / TACTIC_BETAS.boulware;
const INV_CONCEDER = 1 / TACTIC_BETAS.conceder;

function inverseBeta(tactic: TacticName | number): number {
  if (tactic === 'linear') return 1;
  if (tactic === 'boulware') return INV_BOULWARE;
  if (tactic === 'conceder') return INV_CONCEDER;
  return 1 / tactic;
}

function buyerOffer(open: number, value: number, a: number): number {
  return a >= 1 ? value : Math.floor(open + a * (value - open));
}

function sellerOffer(open: number, cost: number, a: number): number {
  return a >= 1 ? cost : Math.ceil(open - a * (open - cost));
}
