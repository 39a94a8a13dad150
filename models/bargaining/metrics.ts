import { ModelMetrics, type MetricTable } from '../../sim/metrics/metric-table.js';
import type { NegotiationOutcome } from '../common/negotiation/index.js';

/** What the bargaining metrics read after a tick: its negotiation. */
export interface BargainingReading {
  readonly outcome: NegotiationOutcome;
  /** The first mover's share of the surplus (NaN without a deal or surplus). */
  readonly share: number;
}

const table: MetricTable<BargainingReading> = [
  {
    name: 'agreed',
    description: 'Whether this tick’s negotiation ended in a deal (1) or broke down (0)',
    unit: '0/1',
    read: ({ outcome }) => (outcome.agreed ? 1 : 0),
  },
  {
    name: 'price',
    description: 'Agreed price, between sellerCost and buyerValue (missing after a breakdown)',
    unit: 'minor units',
    read: ({ outcome }) => outcome.price,
  },
  {
    name: 'rounds',
    description: 'Offers made: the round of agreement, or the round limit at a deadline breakdown',
    unit: 'count',
    read: ({ outcome }) => outcome.rounds,
  },
  {
    name: 'first_mover_share',
    description:
      'The first mover’s share of the surplus buyerValue - sellerCost at the agreed price (missing without a deal or surplus)',
    unit: 'share',
    read: ({ share }) => share,
  },
];

export const bargainingMetrics = new ModelMetrics(() => table);
