import { ModelMetrics, readThrough, type MetricTable } from '../../sim/metrics/metric-table.js';
import type { AisLayer } from './ais/layer.js';
import { aisMetrics } from './ais/metrics.js';
import { economyMetrics, type EconomyReading } from './economy/metrics.js';
import { marketMetrics, type MarketReading } from './market/metrics.js';
import type { MimoParams } from './params.js';
import { tradingMetrics, type TradingReading } from './trading/metrics.js';

/** What a `mimo` run's metrics read after a tick: each part's state, the tick's recount, the wealth sample. */
export interface MimoObservation extends EconomyReading, TradingReading, MarketReading {
  /** The AIS layer; null unless `ais.enabled` (and then no AIS metric is recorded). */
  readonly ais: AisLayer | null;
}

/**
 * The columns of a `mimo` run, in order, from the tables of the parts (`economy/`, `trading/`, `market/`, `ais/`
 * metrics.ts, where each is named and read). The order is part of every run's fingerprint: add new columns, never
 * reorder. Per currency (fiat's share first, then each group's share, rate, volume, supply, turnover, velocity,
 * share at the credit limit and rate drift); the arbitrage
 * metrics only with arbitrage traders and the AIS metrics only with AIS, last, so runs without them keep their
 * columns.
 */
export function mimoMetricTable(p: MimoParams): MetricTable<MimoObservation, MimoParams> {
  const currencies = ['fiat', ...p.groups.map((g) => g.name)]; // in the economy's order: c = 0 is fiat
  const economy = economyMetrics;
  const trading = tradingMetrics;
  const market = marketMetrics;
  return [
    economy.giniFiat,
    economy.giniCultural,
    economy.giniTotal,
    trading.culturalShare,
    trading.trades,
    trading.unmetNeeds,
    trading.breakdowns,
    trading.meanRounds,
    trading.surplusTotal,
    trading.hhiCurrency,
    market.fxVolatility,
    economy.velocityFiat,
    economy.fiatConservationError,
    economy.mutualCreditImbalance,
    market.fxSwaps,
    trading.paymentFailures,
    economy.fiatTotal,
    market.fxSwapsCultural,
    trading.unmetNoProvider,
    trading.unmetNoAgreement,
    trading.unmetNoMoney,
    economy.activeShare,
    economy.participationTop20,
    market.serviceRate,
    ...currencies.flatMap((name, c) =>
      c === 0
        ? [trading.share(c, name)]
        : [
            trading.share(c, name),
            market.rate(c, name),
            trading.volume(c, name),
            economy.supply(c, name),
            trading.turnover(c, name),
            economy.velocity(c, name),
            economy.atLimit(c, name),
            market.rateDrift(c, name),
          ],
    ),
    ...(p.market.arbitrage.traders > 0 ? [market.arbitrageTrades, market.arbitrageWealth] : []),
    ...(p.ais.enabled ? readThrough(aisMetrics, requireAis) : []),
  ];
}

/** The metrics of the `mimo` model: its column list and, per run, the writer of its rows. */
export const mimoMetrics = new ModelMetrics(mimoMetricTable);

function requireAis(o: MimoObservation): AisLayer {
  if (o.ais === null) throw new Error('AIS metrics recorded without the AIS layer');
  return o.ais;
}
