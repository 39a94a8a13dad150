import type { Metric } from '../../../sim/metrics/metric-table.js';
import { hhi } from '../../../sim/stats/hhi.js';
import { HOUR } from '../params.js';
import type { TradeStats } from './trade.js';

/** What the trading metrics read after a tick. */
export interface TradingReading {
  /** The tick's trade counters. */
  readonly stats: TradeStats;
}

type Row = Metric<TradingReading>;

/** The trading day's metrics: trades, needs, negotiations, settled value; `models/mimo/metrics.ts` orders them. */
export const tradingMetrics = {
  culturalShare: {
    name: 'cultural_share',
    description: 'Share of trade value settled in cultural currency',
    unit: 'share',
    read: ({ stats }) => (stats.value > 0 ? stats.culturalValue / stats.value : 0),
  },
  trades: {
    name: 'trades',
    description: 'Trades settled this tick',
    unit: 'count',
    read: ({ stats }) => stats.trades,
  },
  unmetNeeds: {
    name: 'unmet_needs',
    description: 'Share of needs left unmet (no provider, breakdown or no payment)',
    unit: 'share',
    read: ({ stats }) => (stats.needs > 0 ? stats.unmet / stats.needs : 0),
  },
  breakdowns: {
    name: 'breakdowns',
    description: 'Share of negotiations that failed',
    unit: 'share',
    read: ({ stats }) => (stats.negotiations > 0 ? stats.breakdowns / stats.negotiations : 0),
  },
  meanRounds: {
    name: 'mean_rounds',
    description: 'Mean offers per negotiation',
    unit: 'rounds',
    read: ({ stats }) => (stats.negotiations > 0 ? stats.rounds / stats.negotiations : 0),
  },
  surplusTotal: {
    name: 'surplus_total',
    description: 'Gains from trade: sum of buyer value − provider cost over settled trades',
    unit: 'fiat minor units',
    read: ({ stats }) => stats.surplus,
  },
  hhiCurrency: {
    name: 'hhi_currency',
    description: 'Herfindahl index of the currencies’ shares of settled value (fiat included)',
    unit: 'index',
    read: ({ stats }) => hhi(stats.volume),
  },
  unmetNoProvider: {
    name: 'unmet_no_provider',
    description: 'Share of needs unmet because no provider with time was found',
    unit: 'share',
    read: ({ stats }) => (stats.needs > 0 ? stats.unmetNoProvider / stats.needs : 0),
  },
  unmetNoAgreement: {
    name: 'unmet_no_agreement',
    description: 'Share of needs unmet because the negotiation broke down',
    unit: 'share',
    read: ({ stats }) => (stats.needs > 0 ? stats.unmetNoAgreement / stats.needs : 0),
  },
  unmetNoMoney: {
    name: 'unmet_no_money',
    description: 'Share of needs unmet because the buyer could not pay (cash in advance)',
    unit: 'share',
    read: ({ stats }) => (stats.needs > 0 ? stats.unmetNoMoney / stats.needs : 0),
  },
  /** Hours of cultural currency `c` that changed hands this tick (arbitrage traders' trades included). */
  turnover: (c: number, name: string): Row => ({
    name: `turnover_${name}`,
    description: `Hours of ${name} that changed hands this tick (trades and swaps, arbitrage traders’ included)`,
    unit: 'hours',
    read: ({ stats }) => stats.turnover[c] / HOUR,
  }),
  paymentFailures: {
    name: 'payment_failures',
    description: 'Agreed trades the buyer could not pay',
    unit: 'count',
    read: ({ stats }) => stats.paymentFailures,
  },
  /** Currency `c`'s (named `name`; 0: fiat) share of the value settled this tick. */
  share: (c: number, name: string): Row => ({
    name: `share_${name}`,
    description: `Share of settled value paid in ${name}`,
    unit: 'share',
    read: ({ stats }) => {
      let settled = 0;
      for (let k = 0; k < stats.volume.length; k++) settled += stats.volume[k];
      return settled > 0 ? stats.volume[c] / settled : 0;
    },
  }),
  /** Value settled in cultural currency `c` (named `name`) this tick. */
  volume: (c: number, name: string): Row => ({
    name: `volume_${name}`,
    description: `Trade value settled in ${name} this tick (fiat-equivalent)`,
    unit: 'fiat minor units',
    read: ({ stats }) => stats.volume[c],
  }),
} satisfies Record<string, Row | ((c: number, name: string) => Row)>;
