import type { Book } from '../../sim/ledger/book.js';
import type { MetricDef } from '../../sim/model.js';
import type { Rng } from '../../sim/random/rng.js';
import { giniOfSorted } from '../../sim/stats/gini.js';
import { hhi } from '../../sim/stats/hhi.js';
import { RadixSorter32 } from '../../sim/stats/radix-sort.js';
import type { Economy } from './economy/economy.js';
import type { CurrencyMarket } from './market/currency-market.js';
import { HOUR, type MimoParams } from './params.js';
import type { TradeStats } from './trading/trade.js';
import type { Population } from './economy/population.js';

/** Above this many members, the Gini coefficients are computed on a fixed systematic sample of this many. */
export const GINI_SAMPLE = 50_000;

const FIXED: readonly MetricDef[] = [
  { name: 'gini_fiat', description: 'Gini of members’ fiat balances', unit: 'ratio' },
  {
    name: 'gini_cultural',
    description: 'Gini of members’ cultural spending power (balance + credit room, at reference rates)',
    unit: 'ratio',
  },
  {
    name: 'gini_total',
    description: 'Gini of members’ total net wealth: fiat + cultural balances at reference rates',
    unit: 'ratio',
  },
  { name: 'cultural_share', description: 'Share of trade value settled in cultural currency', unit: 'share' },
  { name: 'trades', description: 'Trades settled this tick', unit: 'count' },
  {
    name: 'unmet_needs',
    description: 'Share of needs left unmet (no provider, breakdown or no payment)',
    unit: 'share',
  },
  { name: 'breakdowns', description: 'Share of negotiations that failed', unit: 'share' },
  { name: 'mean_rounds', description: 'Mean offers per negotiation', unit: 'rounds' },
  {
    name: 'surplus_total',
    description: 'Gains from trade: sum of buyer value − provider cost over settled trades',
    unit: 'fiat minor units',
  },
  {
    name: 'hhi_currency',
    description: 'Herfindahl index of the currencies’ shares of settled value (fiat included)',
    unit: 'index',
  },
  {
    name: 'fx_volatility',
    description: 'Mean volatility (sd of log changes over the window) of the reference rates',
    unit: 'log-change sd',
  },
  {
    name: 'velocity_fiat',
    description: 'Fiat paid between members this tick / fiat held by members',
    unit: 'per tick',
  },
  {
    name: 'fiat_conservation_error',
    description: 'Fiat total minus opening + logged flows (always 0)',
    unit: 'fiat minor units',
  },
  {
    name: 'mutual_credit_imbalance',
    description: 'Largest |sum of balances| over mutual-credit currencies (always 0)',
    unit: 'minor units',
  },
  { name: 'fx_swaps', description: 'Currency swaps on the market this tick', unit: 'count' },
  { name: 'payment_failures', description: 'Agreed trades the buyer could not pay', unit: 'count' },
  { name: 'fiat_total', description: 'Fiat held by members', unit: 'fiat minor units' },
  {
    name: 'fx_swaps_cultural',
    description: 'Swaps between two cultural currencies this tick (part of fx_swaps)',
    unit: 'count',
  },
  {
    name: 'unmet_no_provider',
    description: 'Share of needs unmet because no provider with time was found',
    unit: 'share',
  },
  {
    name: 'unmet_no_agreement',
    description: 'Share of needs unmet because the negotiation broke down',
    unit: 'share',
  },
  {
    name: 'unmet_no_money',
    description: 'Share of needs unmet because the buyer could not pay (cash in advance)',
    unit: 'share',
  },
  {
    name: 'active_share',
    description: 'Share of members who have bought or given a service so far in the run',
    unit: 'share',
  },
  {
    name: 'participation_top20',
    description: 'Share of all hours given so far that the 20% of members who gave most gave',
    unit: 'share',
  },
  {
    name: 'service_rate',
    description: 'Fiat price of an hour of service (exponential average of the trades): what an hour buys',
    unit: 'fiat minor units per hour',
  },
];

/** Ticks over which `rate_drift_<currency>` measures the change of a reference rate. */
export const DRIFT_TICKS = 90;

/** Present only with arbitrage traders, after every other `mimo` metric, so runs without them keep their columns. */
const ARBITRAGE: readonly MetricDef[] = [
  {
    name: 'arbitrage_trades',
    description: 'Arbitrage orders that traded this tick (not counted in fx_swaps)',
    unit: 'count',
  },
  {
    name: 'arbitrage_wealth',
    description: 'Arbitrage traders’ holdings at reference rates minus their capital',
    unit: 'fiat minor units',
  },
];

/**
 * The metrics of a `mimo` run: the fixed ones, fiat's share, then share, rate, volume and supply of each currency,
 * then the arbitrage metrics if there are arbitrage traders.
 */
export function mimoMetrics(p: MimoParams): MetricDef[] {
  const out = [
    ...FIXED,
    { name: 'share_fiat', description: 'Share of settled value paid in fiat', unit: 'share' },
  ];
  for (const g of p.groups) {
    out.push(
      { name: `share_${g.name}`, description: `Share of settled value paid in ${g.name}`, unit: 'share' },
      {
        name: `rate_${g.name}`,
        description: `Reference rate of ${g.name} (fiat per hour)`,
        unit: 'fiat minor units per hour',
      },
      {
        name: `volume_${g.name}`,
        description: `Trade value settled in ${g.name} this tick (fiat-equivalent)`,
        unit: 'fiat minor units',
      },
      {
        name: `supply_${g.name}`,
        description: `Positive balances of ${g.name} held by members`,
        unit: 'hours',
      },
      {
        name: `turnover_${g.name}`,
        description: `Hours of ${g.name} that changed hands between members this tick (trades and swaps)`,
        unit: 'hours',
      },
      {
        name: `velocity_${g.name}`,
        description: `Hours of ${g.name} that changed hands this tick (trades and swaps) / positive balances held`,
        unit: 'per tick',
      },
      {
        name: `at_limit_${g.name}`,
        description: `Share of ${g.name}’s members within one hour of their credit limit (0 without credit)`,
        unit: 'share',
      },
      {
        name: `rate_drift_${g.name}`,
        description: `ln(rate now / rate ${DRIFT_TICKS} ticks ago) of ${g.name} (0 before)`,
        unit: 'log change',
      },
    );
  }
  if (p.market.arbitrage.traders > 0) out.push(...ARBITRAGE);
  return out;
}

/** Computes the metrics into a row, reusing its scratch arrays tick after tick. */
export class MimoObserver {
  private readonly sample: Int32Array | null;
  // Per sampled member: fiat, cultural spending power and total net wealth, refilled each tick and sorted (single
  // precision: it changes a Gini by less than 1e-6 and sorts 2.5x faster).
  private readonly fiatHeld: Float32Array;
  private readonly culturalPower: Float32Array;
  private readonly totalWealth: Float32Array;
  private readonly rates: Float64Array;
  /** Per currency: positive member balances this tick. */
  private readonly supply: Float64Array;
  /** Per currency: the sum of all balances, recounted this tick (the model's invariants check it). */
  readonly totals: Float64Array;
  private readonly sums = new Float64Array(3);
  private readonly sorter = new RadixSorter32();
  /** Hours given so far by each sampled member (refilled and sorted each tick). */
  private readonly given: Float32Array;
  /** Per currency: its fiat rate over the last DRIFT_TICKS + 1 ticks (ring). */
  private readonly rateHistory: Float64Array;
  private ticks = 0;

  constructor(
    private readonly economy: Economy,
    private readonly market: CurrencyMarket,
    private readonly stats: TradeStats,
    private readonly population: Population,
    rng: Rng,
  ) {
    const n = economy.population.n;
    this.sample = n > GINI_SAMPLE ? sampleMembers(n, GINI_SAMPLE, rng) : null;
    const size = this.sample ? this.sample.length : n;
    this.fiatHeld = new Float32Array(size);
    this.culturalPower = new Float32Array(size);
    this.totalWealth = new Float32Array(size);
    this.rates = new Float64Array(economy.count);
    this.supply = new Float64Array(economy.count);
    this.totals = new Float64Array(economy.count);
    this.given = new Float32Array(size);
    this.rateHistory = new Float64Array(economy.count * (DRIFT_TICKS + 1));
  }

  observe(out: Float64Array): void {
    const { economy, stats, market } = this;
    const n = economy.population.n;
    const fiat = economy.fiat.balances;
    this.gatherWealth();
    out[0] = giniOfSorted(this.sorter.sort(this.fiatHeld));
    out[1] = giniOfSorted(this.sorter.sort(this.culturalPower));
    out[2] = giniOfSorted(this.sorter.sort(this.totalWealth));
    out[3] = stats.value > 0 ? stats.culturalValue / stats.value : 0;
    out[4] = stats.trades;
    out[5] = stats.needs > 0 ? stats.unmet / stats.needs : 0;
    out[6] = stats.negotiations > 0 ? stats.breakdowns / stats.negotiations : 0;
    out[7] = stats.negotiations > 0 ? stats.rounds / stats.negotiations : 0;
    out[8] = stats.surplus;
    out[9] = hhi(stats.volume);
    out[10] = market.rates.meanVolatility();
    const sums = this.sums;
    // One pass per currency gives what members hold, their positive balances, and the book's total.
    memberSums(fiat, n, sums);
    const fiatHeld = sums[0];
    this.totals[0] = sums[2];
    out[11] = fiatHeld > 0 ? stats.fiatPaid / fiatHeld : 0;
    out[12] = sums[2] - economy.fiat.expectedTotal();
    let imbalance = 0;
    for (let c = 1; c < economy.count; c++) {
      memberSums(economy.currencies[c].balances, n, sums);
      this.supply[c] = sums[1];
      this.totals[c] = sums[2];
      if (economy.mutualCredit[c]) imbalance = Math.max(imbalance, Math.abs(sums[2]));
    }
    out[13] = imbalance;
    out[14] = stats.swaps;
    out[15] = stats.paymentFailures;
    out[16] = fiatHeld;
    out[17] = stats.culturalSwaps;
    out[18] = stats.needs > 0 ? stats.unmetNoProvider / stats.needs : 0;
    out[19] = stats.needs > 0 ? stats.unmetNoAgreement / stats.needs : 0;
    out[20] = stats.needs > 0 ? stats.unmetNoMoney / stats.needs : 0;
    out[21] = stats.activeMembers / n;
    out[22] = this.topGivers();
    out[23] = market.hourValue.serviceRate;
    const slot = this.ticks % (DRIFT_TICKS + 1);
    const past = (this.ticks + 1) % (DRIFT_TICKS + 1);
    let k = FIXED.length;
    let volume = 0;
    for (let c = 0; c < economy.count; c++) volume += stats.volume[c];
    out[k++] = volume > 0 ? stats.volume[0] / volume : 0;
    for (let c = 1; c < economy.count; c++) {
      out[k++] = volume > 0 ? stats.volume[c] / volume : 0;
      out[k++] = market.rates.fiatValue(c) * HOUR;
      out[k++] = stats.volume[c];
      out[k++] = this.supply[c] / HOUR;
      out[k++] = stats.turnover[c] / HOUR;
      out[k++] = this.supply[c] > 0 ? stats.turnover[c] / this.supply[c] : 0;
      out[k++] = this.atLimit(c);
      const rate = market.rates.fiatValue(c) * HOUR;
      const history = this.rateHistory;
      const base = c * (DRIFT_TICKS + 1);
      history[base + slot] = rate;
      out[k++] =
        this.ticks >= DRIFT_TICKS && history[base + past] > 0 ? Math.log(rate / history[base + past]) : 0;
    }
    this.ticks++;
    if (economy.traders > 0) {
      out[k++] = market.arbitrage.trades;
      out[k++] = market.arbitrage.wealth();
    }
  }

  /** Share of the hours given so far that the top 20% of (sampled) givers gave. */
  private topGivers(): number {
    const { given, sample } = this;
    const hours = this.population.hoursGiven;
    let total = 0;
    for (let k = 0; k < given.length; k++) {
      given[k] = hours[sample ? sample[k] : k];
      total += given[k];
    }
    if (total <= 0) return 0;
    const sorted = this.sorter.sort(given);
    let top = 0;
    for (let k = sorted.length - Math.ceil(0.2 * sorted.length); k < sorted.length; k++) top += sorted[k];
    return top / total;
  }

  /** Share of (sampled) members of currency c's group within one hour of their credit limit. */
  private atLimit(c: number): number {
    const book = this.economy.currencies[c];
    if (!this.economy.mutualCredit[c]) return 0;
    const { sample } = this;
    const groups = this.population.groups;
    const bit = 1 << (c - 1);
    const size = this.given.length;
    let members = 0;
    let near = 0;
    for (let k = 0; k < size; k++) {
      const i = sample ? sample[k] : k;
      if (!(groups[i] & bit)) continue;
      members++;
      const floor = book.floor(i);
      if (floor < 0 && book.balances[i] - floor < HOUR) near++;
    }
    return members > 0 ? near / members : 0;
  }

  /**
   * Fills the three wealth columns whose Gini is recorded, for every member or the fixed sample, in one pass:
   * fiat; cultural spending power (balance plus credit room, at reference rates); total net wealth (fiat plus
   * cultural balances net of debt, at reference rates).
   */
  private gatherWealth(): void {
    const { economy, sample, fiatHeld, culturalPower, totalWealth } = this;
    const fiat = economy.fiat.balances;
    const size = fiatHeld.length;
    for (let k = 0; k < size; k++) {
      fiatHeld[k] = fiat[sample ? sample[k] : k];
      culturalPower[k] = 0;
      totalWealth[k] = 0; // net cultural wealth until the last line
    }
    for (let c = 1; c < economy.count; c++) {
      addCulturalWealth(
        economy.currencies[c],
        this.market.rates.fiatValue(c),
        sample,
        culturalPower,
        totalWealth,
      );
    }
    for (let k = 0; k < size; k++) totalWealth[k] += fiatHeld[k];
  }

  /** Per-member cultural holdings (net, at reference rates) and total net wealth, for dashboards. */
  wealth(): { cultural: Float64Array; total: Float64Array } {
    const n = this.economy.population.n;
    const cultural = new Float64Array(n);
    const total = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      cultural[i] = this.culturalNet(i);
      total[i] = this.economy.fiat.balances[i] + cultural[i];
    }
    return { cultural, total };
  }

  /** Cultural balances net of debt, at reference rates (fiat minor units). */
  private culturalNet(i: number): number {
    let v = 0;
    for (let c = 1; c < this.economy.count; c++)
      v += this.economy.currencies[c].balances[i] * this.market.rates.fiatValue(c);
    return v;
  }
}

/** Adds one currency's spending power (balance plus credit room) and net balance, at `rate`, per sampled member. */
function addCulturalWealth(
  book: Book,
  rate: number,
  sample: Int32Array | null,
  power: Float32Array,
  net: Float32Array,
): void {
  const balances = book.balances;
  for (let k = 0; k < power.length; k++) {
    const i = sample ? sample[k] : k;
    power[k] += (balances[i] - book.floor(i)) * rate;
    net[k] += balances[i] * rate;
  }
}

/**
 * Into `out`: the sum of the first `members` balances, the sum of their positive balances, and the sum of all
 * balances (members, then group and market accounts).
 */
function memberSums(balances: Float64Array | Int32Array, members: number, out: Float64Array): void {
  // Σ max(b, 0) = (Σ |b| + Σ b) / 2, exact for whole minor units; |b| compiles without a branch, and the signs of
  // mutual-credit balances are too mixed for a branch to be predicted (6× slower per pass at a million members).
  let held = 0;
  let magnitude = 0;
  for (let i = 0; i < members; i++) {
    const b = balances[i];
    held += b;
    magnitude += Math.abs(b);
  }
  const positive = (magnitude + held) / 2;
  let total = held;
  for (let i = members; i < balances.length; i++) total += balances[i];
  out[0] = held;
  out[1] = positive;
  out[2] = total;
}

/**
 * A systematic sample: every ⌊n / size⌋-th member from a random start. Member ids carry no meaning (members are
 * drawn independently), so this is as good as a simple random sample, and it spreads evenly over every local
 * market; its constant stride lets the processor fetch the members' balances ahead (a random sample of a million
 * members missed the cache on every read).
 */
function sampleMembers(n: number, size: number, rng: Rng): Int32Array {
  const step = Math.floor(n / size);
  const start = rng.int(step);
  return Int32Array.from({ length: size }, (_, k) => start + k * step);
}
