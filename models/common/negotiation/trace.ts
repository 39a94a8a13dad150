import type { NegotiationOutcome, ProposerCode } from './outcome.js';
import { BREAKDOWN_NAMES, PROPOSER_NAMES } from './outcome.js';
import type { NegotiationParams } from './params.js';

/** One offer as written to `negotiations.jsonl`. */
export interface OfferRecord {
  readonly round: number;
  readonly proposer: (typeof PROPOSER_NAMES)[number];
  readonly price: number;
  readonly accepted: boolean;
}

/** One negotiation as written to `negotiations.jsonl`: its inputs, its outcome and every offer in order. */
export interface NegotiationRecord {
  readonly protocol: NegotiationParams['protocol'];
  readonly strategy: NegotiationParams['strategy'] | null;
  readonly buyerValue: number;
  readonly sellerCost: number;
  readonly firstMover: NegotiationParams['firstMover'];
  readonly agreed: boolean;
  readonly price: number | null;
  readonly rounds: number;
  readonly breakdown: (typeof BREAKDOWN_NAMES)[number] | null;
  readonly offers: OfferRecord[];
}

/**
 * Records the offer sequence of one negotiation in growable typed arrays. Pass one to `negotiate` only for the
 * negotiations to trace; `negotiate` clears it first, so one recorder serves many negotiations.
 */
export class OfferTrace {
  /** Offers recorded. */
  length = 0;
  private roundOf = new Int32Array(16);
  private proposerOf = new Uint8Array(16);
  private priceOf = new Float64Array(16);
  private acceptedOf = new Uint8Array(16);

  /** Forgets every offer. */
  clear(): void {
    this.length = 0;
  }

  /** Appends one offer. */
  push(round: number, proposer: ProposerCode, price: number, accepted: boolean): void {
    if (this.length === this.roundOf.length) this.grow();
    const i = this.length++;
    this.roundOf[i] = round;
    this.proposerOf[i] = proposer;
    this.priceOf[i] = price;
    this.acceptedOf[i] = accepted ? 1 : 0;
  }

  /** The recorded offers as plain records, in order. */
  offers(): OfferRecord[] {
    const out: OfferRecord[] = [];
    for (let i = 0; i < this.length; i++) {
      out.push({
        round: this.roundOf[i],
        proposer: PROPOSER_NAMES[this.proposerOf[i]],
        price: this.priceOf[i],
        accepted: this.acceptedOf[i] === 1,
      });
    }
    return out;
  }

  private grow(): void {
    const n = this.roundOf.length * 2;
    const round = new Int32Array(n);
    round.set(this.roundOf);
    this.roundOf = round;
    const proposer = new Uint8Array(n);
    proposer.set(this.proposerOf);
    this.proposerOf = proposer;
    const price = new Float64Array(n);
    price.set(this.priceOf);
    this.priceOf = price;
    const accepted = new Uint8Array(n);
    accepted.set(this.acceptedOf);
    this.acceptedOf = accepted;
  }
}

/** The JSON record of one traced negotiation (the caller may add fields such as the tick). */
export function negotiationRecord(
  buyerValue: number,
  sellerCost: number,
  params: NegotiationParams,
  out: NegotiationOutcome,
  trace: OfferTrace,
): NegotiationRecord {
  return {
    protocol: params.protocol,
    strategy: params.protocol === 'alternating' ? params.strategy : null,
    buyerValue,
    sellerCost,
    firstMover: params.firstMover,
    agreed: out.agreed,
    price: out.agreed ? out.price : null,
    rounds: out.rounds,
    breakdown: out.agreed ? null : BREAKDOWN_NAMES[out.breakdown],
    offers: trace.offers(),
  };
}
