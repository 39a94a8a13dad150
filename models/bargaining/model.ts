import type { MetricDef, ModelContext, ModelDefinition, ModelInstance } from '../../sim/model.js';
import type { Rng } from '../../sim/random/rng.js';
import {
  firstMoverShare,
  negotiate,
  NegotiationOutcome,
  negotiationRecord,
  OfferTrace,
} from '../common/negotiation/index.js';
import { bargainingParams, type BargainingParams } from './params.js';

const METRICS: readonly MetricDef[] = [
  {
    name: 'agreed',
    description: 'Whether this tick’s negotiation ended in a deal (1) or broke down (0)',
    unit: '0/1',
  },
  {
    name: 'price',
    description: 'Agreed price, between sellerCost and buyerValue (missing after a breakdown)',
    unit: 'minor units',
  },
  {
    name: 'rounds',
    description: 'Offers made: the round of agreement, or the round limit at a deadline breakdown',
    unit: 'count',
  },
  {
    name: 'first_mover_share',
    description:
      'The first mover’s share of the surplus buyerValue - sellerCost at the agreed price (missing without a deal or surplus)',
    unit: 'share',
  },
];

/** One buyer and one seller negotiate afresh every tick under the params in force. */
class Bargaining implements ModelInstance<BargainingParams> {
  private params: BargainingParams;
  private readonly rng: Rng;
  private readonly outcome = new NegotiationOutcome();
  private readonly offers = new OfferTrace();
  private share = NaN;

  constructor(private readonly context: ModelContext<BargainingParams>) {
    this.params = context.params;
    this.rng = context.rng('negotiation');
  }

  step(tick: number): void {
    const p = this.params;
    const traced = tick <= this.context.trace;
    negotiate(p.buyerValue, p.sellerCost, p, this.rng, this.outcome, traced ? this.offers : null);
    this.share = firstMoverShare(this.outcome, p.buyerValue, p.sellerCost, p.firstMover);
    if (traced) {
      const record = negotiationRecord(p.buyerValue, p.sellerCost, p, this.outcome, this.offers);
      this.context.emit('negotiations', { tick, ...record });
    }
  }

  observe(out: Float64Array): void {
    out[0] = this.outcome.agreed ? 1 : 0;
    out[1] = this.outcome.price;
    out[2] = this.outcome.rounds;
    out[3] = this.share;
  }

  setParams(next: BargainingParams): void {
    this.params = next;
  }

  invariants(): string | null {
    const { agreed, price } = this.outcome;
    const { buyerValue, sellerCost } = this.params;
    if (!agreed) return null;
    if (!Number.isInteger(price)) return `price ${price} is not a whole number of minor units`;
    if (price < sellerCost || price > buyerValue) {
      return `price ${price} outside [sellerCost ${sellerCost}, buyerValue ${buyerValue}]`;
    }
    return null;
  }
}

export const bargaining: ModelDefinition<BargainingParams> = {
  name: 'bargaining',
  description:
    'Reference model: one buyer and one seller with reservation values negotiate a price every tick, by the ' +
    'Nash (1950) even split, Rubinstein (1982) alternating offers in equilibrium, or Faratin, Sierra & Jennings ' +
    '(1998) time-dependent concession; checks the negotiation code of the mimo model against closed forms.',
  params: bargainingParams,
  metrics: () => METRICS,
  create: (context) => new Bargaining(context),
};
