/**
 * Negotiation between one buyer and one seller with private reservation values: Nash's even split,
 * Rubinstein's alternating offers in equilibrium, or Faratin et al.'s time-dependent concession.
 */
export { negotiate } from './negotiate.js';
export {
  Breakdown,
  BREAKDOWN_NAMES,
  firstMoverShare,
  NegotiationOutcome,
  Proposer,
  PROPOSER_NAMES,
  type BreakdownCode,
  type ProposerCode,
} from './outcome.js';
export {
  checkNegotiation,
  negotiationFields,
  negotiationParams,
  TACTIC_BETAS,
  tacticBeta,
  type NegotiationParams,
  type TacticName,
} from './params.js';
export { finiteHorizonShare, rubinsteinShare } from './rubinstein.js';
export { nashPrice } from './nash.js';
export { alpha } from './time-dependent.js';
export { negotiationRecord, OfferTrace, type NegotiationRecord, type OfferRecord } from './trace.js';
