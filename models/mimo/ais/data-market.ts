import type { Rng } from '../../../sim/random/rng.js';
import type { Ais } from './ais.js';
import type { AggregateQuery } from './privacy/protected-statistics.js';
import type { DataMarketParams } from './params.js';
import type { DividendPool } from '../dividends/pool.js';

/**
 * The price of one report (fiat minor units): coverage × accuracy, rounded to the unit.
 * coverage = perMember × members used + perRecord × records used; accuracy = halfNoise / (halfNoise + noise scale).
 */
export function reportPrice(
  membersUsed: number,
  recordsUsed: number,
  noiseScale: number,
  p: Pick<DataMarketParams, 'perMember' | 'perRecord' | 'halfNoise'>,
): number {
  const coverage = p.perMember * membersUsed + p.perRecord * recordsUsed;
  return Math.round((coverage * p.halfNoise) / (p.halfNoise + noiseScale));
}

/**
 * Data buyers and their standing orders. On a buyer's tick it queries the last completed AIS period (sum of its
 * measure per currency group × category); every released cell goes to the buyer exactly as sent (channel
 * `released`); it pays `reportPrice`. Then each of `resale.maxBuyers` potential second buyers takes a massaged
 * copy with chance `resale.chance` (stream `data.resale`), paying priceShare × price, of which `royalty` comes
 * back to AIS. Sale and royalties enter the dividend pool; AIS keeps its fee. A report with no released cell
 * is not sold.
 */
export class DataMarket {
  reports = 0;
  private readonly queries: AggregateQuery[];

  constructor(
    private readonly ais: Ais,
    private readonly pool: DividendPool,
    private params: DataMarketParams,
    private readonly noiseScale: () => number,
    private readonly rng: Rng,
    private readonly emit: (channel: string, record: unknown) => void,
    groups: readonly string[],
    categories: readonly string[],
  ) {
    this.queries = params.buyers.map((b) => ({
      buyer: b.name,
      measure: b.measure,
      period: '',
      groups,
      categories,
    }));
  }

  /** Sells the reports due at the end of `tick`. */
  endTick(tick: number): void {
    if (this.ais.lastPeriodLabel === '') return;
    this.params.buyers.forEach((b, i) => {
      if (tick % b.every === 0) this.sell(i);
    });
  }

  /** Takes new prices and resale terms (the buyers themselves are fixed at the start). */
  setParams(params: DataMarketParams): void {
    this.params = { ...params, buyers: this.params.buyers };
  }

  private sell(i: number): void {
    const buyer = this.params.buyers[i];
    const query = { ...this.queries[i], period: this.ais.lastPeriodLabel };
    const outcome = this.ais.release(query, buyer.measure);
    for (const cell of outcome.cells) this.emit('released', cell);
    if (outcome.cells.length === 0) return;
    const price = reportPrice(outcome.membersUsed, outcome.recordsUsed, this.noiseScale(), this.params);
    const { chance, maxBuyers, priceShare, royalty } = this.params.resale;
    let royalties = 0;
    for (let j = 0; j < maxBuyers; j++) {
      if (this.rng.chance(chance)) royalties += Math.round(price * priceShare * royalty);
    }
    this.pool.receive(price, royalties);
    this.reports++;
  }
}
