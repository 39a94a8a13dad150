import type { Rng } from '../../../sim/random/rng.js';
import { nashPrice } from './nash.js';
import { Breakdown, NegotiationOutcome, Proposer, type ProposerCode } from './outcome.js';
import type { NegotiationParams } from './params.js';
import { roundUnbiased } from './rounding.js';
import { finiteHorizonShare, rubinsteinShare } from './rubinstein.js';
import { negotiateTimeDependent } from './time-dependent.js';
import type { OfferTrace } from './trace.js';

/**
 * Negotiates the price of one trade between a buyer who values it at `buyerValue` and a seller whose cost is
 * `sellerCost` (whole minor units). Writes the result into `out` (reused: no allocation) and, when `trace` is
 * given, the offer sequence into it. Returns true on a deal, whose price lies in [sellerCost, buyerValue].
 *
 * - nash: the surplus is split evenly at once (`nashPrice`); no overlap is a breakdown with no offer.
 * - alternating + equilibrium: complete information; the first mover proposes its subgame-perfect share
 *   (rounds = 0: Rubinstein's infinite horizon; rounds = T: backward induction over T rounds) and the other
 *   accepts in round 1; no overlap is a breakdown with no offer (nobody proposes a deal that cannot exist).
 * - alternating + time-dependent: Faratin et al. concession curves with private values
 *   (`negotiateTimeDependent`).
 * Fractional equilibrium prices are rounded without bias with `rng`; time-dependent play draws nothing.
 */
export function negotiate(
  buyerValue: number,
  sellerCost: number,
  params: NegotiationParams,
  rng: Rng,
  out: NegotiationOutcome,
  trace: OfferTrace | null = null,
): boolean {
  if (trace) trace.clear();
  if (params.protocol === 'alternating' && params.strategy === 'time-dependent') {
    return negotiateTimeDependent(buyerValue, sellerCost, params, out, trace);
  }
  if (buyerValue < sellerCost) {
    out.fail(Breakdown.noOverlap, 0);
    return false;
  }
  let price: number;
  let proposer: ProposerCode = Proposer.arbiter;
  if (params.protocol === 'nash') {
    price = nashPrice(buyerValue, sellerCost, rng);
  } else {
    const sellerFirst = params.firstMover === 'seller';
    const dFirst = sellerFirst ? params.discountSeller : params.discountBuyer;
    const dSecond = sellerFirst ? params.discountBuyer : params.discountSeller;
    const exact =
      params.rounds === 0
        ? rubinsteinShare(dFirst, dSecond)
        : finiteHorizonShare(dFirst, dSecond, params.rounds);
    // In [0, 1] exactly, so float error can never push the price outside [sellerCost, buyerValue].
    const share = Math.min(1, Math.max(0, exact));
    const surplus = buyerValue - sellerCost;
    price = roundUnbiased(sellerFirst ? sellerCost + share * surplus : buyerValue - share * surplus, rng);
    proposer = sellerFirst ? Proposer.seller : Proposer.buyer;
  }
  if (trace) trace.push(1, proposer, price, true);
  out.agree(price, 1);
  return true;
}
