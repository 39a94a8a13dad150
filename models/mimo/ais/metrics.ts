import type { MetricTable } from '../../../sim/metrics/metric-table.js';
import type { MimoParams } from '../params.js';
import type { AisLayer } from './layer.js';
import { maxReidentificationBound, meanReidentificationBound } from './privacy/reidentification-bound.js';

/** The metrics the AIS layer adds to a `mimo` run (only when `ais.enabled`), in column order. */
export const aisMetrics: MetricTable<AisLayer, MimoParams> = [
  {
    name: 'data_revenue_cum',
    description: 'Data sales and resale royalties received by AIS since the start',
    unit: 'fiat minor units',
    read: ({ pool }) => pool.revenueCum,
  },
  {
    name: 'ais_fees_cum',
    description: 'Fees AIS kept from data revenue since the start',
    unit: 'fiat minor units',
    read: ({ pool }) => pool.feesCum,
  },
  {
    name: 'dividends_paid_cum',
    description: 'Dividend pool paid out since the start (fiat value)',
    unit: 'fiat minor units',
    read: ({ payer }) => payer.paidCum,
  },
  {
    name: 'dividend_pool',
    description: 'Fiat waiting in the dividend pool',
    unit: 'fiat minor units',
    read: ({ pool }) => pool.balance,
  },
  {
    name: 'dividend_conservation_error',
    description: 'Largest |sum of payouts − pool paid| at any payout, plus AIS’s book error (always 0)',
    unit: 'minor units',
    read: (layer) => layer.dividendConservationError(),
  },
  {
    name: 'dividend_gini',
    description: 'Gini of the last payout among members paid',
    unit: 'ratio',
    read: ({ payer }) => payer.lastGini,
  },
  {
    name: 'dividend_contribution_corr',
    description: 'Pearson correlation of the last payout with records contributed, over all members',
    unit: 'correlation',
    read: ({ payer }) => payer.lastCorrelation,
  },
  {
    name: 'privacy_spent_mean',
    description: 'Mean privacy budget (sum of epsilons) spent per member since the start',
    unit: 'epsilon',
    read: ({ ais }) => {
      const n = ais.members;
      const spentTotal = ais.statistics.budget.spentTotal;
      let spent = 0;
      for (let i = 0; i < n; i++) spent += spentTotal[i];
      return n > 0 ? spent / n : 0;
    },
  },
  {
    name: 'reidentification_bound_mean',
    description:
      'Mean over members of the most a data buyer can gain in telling whether the member’s records were used (true minus false positive rate), tanh(ε/2) for the ε charged to it since the start; the k-threshold’s release decision is not noised and lies outside the bound',
    unit: 'advantage (0 to 1)',
    read: ({ ais }) => meanReidentificationBound(ais.statistics.budget.spentTotal),
  },
  {
    name: 'reidentification_bound_max',
    description: 'The same bound for the member charged most since the start',
    unit: 'advantage (0 to 1)',
    read: ({ ais }) => maxReidentificationBound(ais.statistics.budget.spentTotal),
  },
  {
    name: 'members_exhausted_share',
    description: 'Share of members who cannot afford one more released cell this period',
    unit: 'share',
    read: ({ ais }, p) => ais.statistics.exhaustedShare(p.ais.epsilon),
  },
  {
    name: 'released_cells',
    description: 'Cells released to data buyers since the start',
    unit: 'count',
    read: ({ ais }) => ais.releasedCells,
  },
  {
    name: 'suppressed_cells',
    description: 'Non-empty cells withheld (fewer than k members with budget left) since the start',
    unit: 'count',
    read: ({ ais }) => ais.suppressedCells,
  },
  {
    name: 'report_abs_error',
    description: 'Mean |released − true value| over every released cell so far',
    unit: 'measure units',
    read: ({ ais }) => (ais.releasedCells > 0 ? ais.absErrorSum / ais.releasedCells : 0),
  },
  {
    name: 'info_goods_uses',
    description: 'Uses of information goods this tick',
    unit: 'count',
    read: ({ goods }) => (goods ? goods.usesThisTick : 0),
  },
  {
    name: 'info_goods_value_gini',
    description: 'Gini of the information goods’ values (value follows weighted use)',
    unit: 'ratio',
    read: ({ goods }) => (goods ? goods.valueGini() : 0),
  },
  {
    name: 'info_goods_payments_cum',
    description: 'Flattr payments to producers of information goods since the start',
    unit: 'minor units of infoGoods.currency',
    read: ({ goods }) => (goods ? goods.paymentsCum : 0),
  },
];
