import type { MetricWriter } from '../../sim/metrics/metric-table.js';
import type { ModelContext, ModelDefinition, ModelInstance } from '../../sim/model.js';
import type { Rng } from '../../sim/random/rng.js';
import {
  firstMoverShare,
  negotiate,
  NegotiationOutcome,
  negotiationRecord,
  OfferTrace,
} from '../common/negotiation/index.js';
import { bargainingMetrics, type BargainingReading } from './metrics.js';
import { bargainingParams, type BargainingParams } from './params.js';

/** One buyer and one seller negotiate afresh every tick under the params in force. */
class Bargaining implements ModelInstance<BargainingParams>, BargainingReading {
  private params: BargainingParams;
  private readonly rng: Rng;
  readonly outcome = new NegotiationOutcome();
  private readonly offers = new OfferTrace();
  share = NaN;
  private readonly metrics: MetricWriter<BargainingReading>;

  constructor(private readonly context: ModelContext<BargainingParams>) {
    this.params = context.params;
    this.rng = context.rng('negotiation');
    this.metrics = bargainingMetrics.writer(context.params);
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
    this.metrics.write(this, this.params, out);
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
  metrics: (p) => bargainingMetrics.columns(p),
  create: (context) => new Bargaining(context),
};
