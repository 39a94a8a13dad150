import type { MetricDef } from '../../sim/model.js';
import type { Rng } from '../../sim/random/rng.js';
import { giniOfSorted } from '../../sim/stats/gini.js';
import { hhi } from '../../sim/stats/hhi.js';
import { RadixSorter } from '../../sim/stats/radix-sort.js';
import type { Economy } from './economy.js';
import type { CurrencyMarket } from './market/currency-market.js';
import { HOUR, type MimoParams } from './params.js';
import type { TradeStats } from './trade.js';

/** Above this many members, the Gini coefficients are computed on a fixed uniform sample of this many. */
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
];

/** The metrics of a `mimo` run: the fixed ones, fiat's share, then share, rate, volume and supply of each currency. */
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
    );
  }
  return out;
}

/** Computes the metrics into a row, reusing its scratch arrays tick after tick. */
export class MimoObserver {
  private readonly sample: Int32Array | null;
  private readonly scratch: Float64Array;
  private readonly sorter = new RadixSorter();
  // The per-member quantities whose Gini is recorded, made once (no closure per tick).
  private readonly fiatOf = (i: number): number => this.economy.fiat.balances[i];
  private readonly culturalPowerOf = (i: number): number => this.culturalPower(i);
  private readonly totalOf = (i: number): number => this.economy.fiat.balances[i] + this.culturalNet(i);

  constructor(
    private readonly economy: Economy,
    private readonly market: CurrencyMarket,
    private readonly stats: TradeStats,
    rng: Rng,
  ) {
    const n = economy.population.n;
    this.sample = n > GINI_SAMPLE ? sampleMembers(n, GINI_SAMPLE, rng) : null;
    this.scratch = new Float64Array(this.sample ? this.sample.length : n);
  }

  observe(out: Float64Array): void {
    const { economy, stats, market } = this;
    const n = economy.population.n;
    const fiat = economy.fiat.balances;
    out[0] = this.gini(this.fiatOf);
    out[1] = this.gini(this.culturalPowerOf);
    out[2] = this.gini(this.totalOf);
    out[3] = stats.value > 0 ? stats.culturalValue / stats.value : 0;
    out[4] = stats.trades;
    out[5] = stats.needs > 0 ? stats.unmet / stats.needs : 0;
    out[6] = stats.negotiations > 0 ? stats.breakdowns / stats.negotiations : 0;
    out[7] = stats.negotiations > 0 ? stats.rounds / stats.negotiations : 0;
    out[8] = stats.surplus;
    out[9] = hhi(stats.volume);
    out[10] = market.rates.meanVolatility();
    let fiatHeld = 0;
    for (let i = 0; i < n; i++) fiatHeld += fiat[i];
    out[11] = fiatHeld > 0 ? stats.fiatPaid / fiatHeld : 0;
    out[12] = economy.fiat.conservationError();
    let imbalance = 0;
    for (let c = 1; c < economy.count; c++) {
      if (economy.mutualCredit[c]) imbalance = Math.max(imbalance, Math.abs(economy.currencies[c].total()));
    }
    out[13] = imbalance;
    out[14] = stats.swaps;
    out[15] = stats.paymentFailures;
    out[16] = fiatHeld;
    let k = FIXED.length;
    let volume = 0;
    for (let c = 0; c < economy.count; c++) volume += stats.volume[c];
    out[k++] = volume > 0 ? stats.volume[0] / volume : 0;
    for (let c = 1; c < economy.count; c++) {
      out[k++] = volume > 0 ? stats.volume[c] / volume : 0;
      const balances = economy.currencies[c].balances;
      let supply = 0;
      for (let i = 0; i < n; i++) if (balances[i] > 0) supply += balances[i];
      out[k++] = market.rates.fiatValue(c) * HOUR;
      out[k++] = stats.volume[c];
      out[k++] = supply / HOUR;
    }
  }

  /** Gini of a per-member quantity over all members, or over the fixed sample for large populations. */
  private gini(value: (member: number) => number): number {
    const s = this.scratch;
    const sample = this.sample;
    if (sample) for (let k = 0; k < sample.length; k++) s[k] = value(sample[k]);
    else for (let i = 0; i < s.length; i++) s[i] = value(i);
    return giniOfSorted(this.sorter.sort(s));
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

  /** What a member could spend in cultural currency now: balance plus credit room, at reference rates. */
  private culturalPower(i: number): number {
    let v = 0;
    for (let c = 1; c < this.economy.count; c++)
      v += this.economy.currencies[c].available(i) * this.market.rates.fiatValue(c);
    return v;
  }
}

/** `size` distinct members drawn uniformly (Floyd's algorithm), sorted for memory locality. */
function sampleMembers(n: number, size: number, rng: Rng): Int32Array {
  const chosen = new Set<number>();
  for (let j = n - size; j < n; j++) {
    const t = rng.int(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen).sort();
}
