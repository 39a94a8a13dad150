import type { Metric } from '../../../sim/metrics/metric-table.js';
import { HOUR } from '../params.js';
import type { TradeStats } from '../trading/trade.js';
import type { BookTotals } from './book-totals.js';
import type { Economy } from './economy.js';
import type { WealthSample } from './wealth-sample.js';

/** What the economy's metrics read after a tick. */
export interface EconomyReading {
  readonly economy: Economy;
  /** The tick's recount of every book. */
  readonly totals: BookTotals;
  /** Members' wealth, gathered for this tick. */
  readonly wealth: WealthSample;
  /** The tick's trade counters (fiat paid, for velocity). */
  readonly stats: TradeStats;
}

type Row = Metric<EconomyReading>;

/** The economy's metrics: wealth inequality, fiat, conservation; `models/mimo/metrics.ts` puts them in column order. */
export const economyMetrics = {
  giniFiat: {
    name: 'gini_fiat',
    description: 'Gini of members’ fiat balances',
    unit: 'ratio',
    read: ({ wealth }) => wealth.gini(wealth.fiat),
  },
  giniCultural: {
    name: 'gini_cultural',
    description: 'Gini of members’ cultural spending power (balance + credit room, at reference rates)',
    unit: 'ratio',
    read: ({ wealth }) => wealth.gini(wealth.culturalPower),
  },
  giniTotal: {
    name: 'gini_total',
    description: 'Gini of members’ total net wealth: fiat + cultural balances at reference rates',
    unit: 'ratio',
    read: ({ wealth }) => wealth.gini(wealth.total),
  },
  velocityFiat: {
    name: 'velocity_fiat',
    description: 'Fiat paid between members this tick / fiat held by members',
    unit: 'per tick',
    read: ({ totals, stats }) => (totals.held[0] > 0 ? stats.fiatPaid / totals.held[0] : 0),
  },
  fiatConservationError: {
    name: 'fiat_conservation_error',
    description: 'Fiat total minus opening + logged flows (always 0)',
    unit: 'fiat minor units',
    read: ({ totals, economy }) => totals.total[0] - economy.fiat.expectedTotal(),
  },
  mutualCreditImbalance: {
    name: 'mutual_credit_imbalance',
    description: 'Largest |sum of balances| over mutual-credit currencies (always 0)',
    unit: 'minor units',
    read: ({ totals, economy }) => {
      let imbalance = 0;
      for (let c = 1; c < economy.count; c++) {
        if (economy.mutualCredit[c]) imbalance = Math.max(imbalance, Math.abs(totals.total[c]));
      }
      return imbalance;
    },
  },
  fiatTotal: {
    name: 'fiat_total',
    description: 'Fiat held by members',
    unit: 'fiat minor units',
    read: ({ totals }) => totals.held[0],
  },
  activeShare: {
    name: 'active_share',
    description: 'Share of members who have bought or given a service so far in the run',
    unit: 'share',
    read: ({ stats, economy }) => stats.activeMembers / economy.population.n,
  },
  participationTop20: {
    name: 'participation_top20',
    description: 'Share of all hours given so far that the 20% of members who gave most gave',
    unit: 'share',
    read: ({ wealth, economy }) => wealth.topShare(economy.population.hoursGiven, 0.2),
  },
  /** Hours of cultural currency `c` turned over this tick / positive balances held. */
  velocity: (c: number, name: string): Row => ({
    name: `velocity_${name}`,
    description: `Hours of ${name} that changed hands this tick (trades and swaps) / positive balances held`,
    unit: 'per tick',
    read: ({ totals, stats }) => (totals.positive[c] > 0 ? stats.turnover[c] / totals.positive[c] : 0),
  }),
  /** Share of currency `c`'s group within one hour of its credit limit. */
  atLimit: (c: number, name: string): Row => ({
    name: `at_limit_${name}`,
    description: `Share of ${name}’s members within one hour of their credit limit (0 without credit)`,
    unit: 'share',
    read: ({ wealth }) => wealth.atLimit(c),
  }),
  /** Positive balances of cultural currency `c` (named `name`) held by members. */
  supply: (c: number, name: string): Row => ({
    name: `supply_${name}`,
    description: `Positive balances of ${name} held by members`,
    unit: 'hours',
    read: ({ totals }) => totals.positive[c] / HOUR,
  }),
} satisfies Record<string, Row | ((c: number, name: string) => Row)>;
