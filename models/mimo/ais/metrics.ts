import type { MetricDef } from '../../../sim/model.js';
import type { AisLayer } from './layer.js';
import type { AisSection } from './params.js';

/** The metrics the AIS layer appends to a `mimo` run (only when `ais.enabled`). */
export const AIS_METRICS: readonly MetricDef[] = [
  {
    name: 'data_revenue_cum',
    description: 'Data sales and resale royalties received by AIS since the start',
    unit: 'fiat minor units',
  },
  {
    name: 'ais_fees_cum',
    description: 'Fees AIS kept from data revenue since the start',
    unit: 'fiat minor units',
  },
  {
    name: 'dividends_paid_cum',
    description: 'Dividend pool paid out since the start (fiat value)',
    unit: 'fiat minor units',
  },
  { name: 'dividend_pool', description: 'Fiat waiting in the dividend pool', unit: 'fiat minor units' },
  {
    name: 'dividend_conservation_error',
    description: 'Largest |sum of payouts − pool paid| at any payout, plus AIS’s book error (always 0)',
    unit: 'minor units',
  },
  { name: 'dividend_gini', description: 'Gini of the last payout among members paid', unit: 'ratio' },
  {
    name: 'dividend_contribution_corr',
    description: 'Pearson correlation of the last payout with records contributed, over all members',
    unit: 'correlation',
  },
  {
    name: 'privacy_spent_mean',
    description: 'Mean privacy budget (sum of epsilons) spent per member since the start',
    unit: 'epsilon',
  },
  {
    name: 'members_exhausted_share',
    description: 'Share of members who cannot afford one more released cell this period',
    unit: 'share',
  },
  { name: 'released_cells', description: 'Cells released to data buyers since the start', unit: 'count' },
  {
    name: 'suppressed_cells',
    description: 'Non-empty cells withheld (fewer than k members with budget left) since the start',
    unit: 'count',
  },
  {
    name: 'report_abs_error',
    description: 'Mean |released − true value| over every released cell so far',
    unit: 'measure units',
  },
  { name: 'info_goods_uses', description: 'Uses of information goods this tick', unit: 'count' },
  {
    name: 'info_goods_value_gini',
    description: 'Gini of the information goods’ values (value follows weighted use)',
    unit: 'ratio',
  },
  {
    name: 'info_goods_payments_cum',
    description: 'Flattr payments to producers of information goods since the start',
    unit: 'minor units of infoGoods.currency',
  },
];

/** Writes the AIS metrics into `out` from `offset`, in `AIS_METRICS` order, under privacy params `p`. */
export function observeAis(layer: AisLayer, out: Float64Array, offset: number, p: AisSection): void {
  const { ais, pool, payer, goods } = layer;
  const n = ais.members;
  let spent = 0;
  const total = ais.statistics.budget.spentTotal;
  for (let i = 0; i < n; i++) spent += total[i];
  let k = offset;
  out[k++] = pool.revenueCum;
  out[k++] = pool.feesCum;
  out[k++] = payer.paidCum;
  out[k++] = pool.balance;
  out[k++] = layer.dividendConservationError();
  out[k++] = payer.lastGini;
  out[k++] = payer.lastCorrelation;
  out[k++] = n > 0 ? spent / n : 0;
  out[k++] = ais.statistics.exhaustedShare(p.epsilon);
  out[k++] = ais.releasedCells;
  out[k++] = ais.suppressedCells;
  out[k++] = ais.releasedCells > 0 ? ais.absErrorSum / ais.releasedCells : 0;
  out[k++] = goods ? goods.usesThisTick : 0;
  out[k++] = goods ? goods.valueGini() : 0;
  out[k++] = goods ? goods.paymentsCum : 0;
}
