import type { Rng } from '../../../sim/random/rng.js';
import type { Ais } from './ais.js';
import type { AggregateQuery } from './privacy/protected-statistics.js';
import type { DataMarketParams } from './params.js';
import type { DividendPool } from '../dividends/pool.js';
import type { MimoParams } from '../params.js';
import { laplaceScale } from './privacy/laplace-mechanism.js';

/** What the data market sells from, pays into, draws resales from and writes released cells to. */
export interface DataMarketParts {
  readonly ais: Ais;
  readonly pool: DividendPool;
  readonly rng: Rng;
  readonly emit: (channel: string, record: unknown) => void;
  /** Row and column labels of every report: the means of payment and the service categories. */
  readonly groups: readonly string[];
  readonly categories: readonly string[];
}

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
  /** Per buyer, the tick of its last report bought (0: none yet); read by the live view. */
  readonly lastSale: Int32Array;
  private readonly ais: Ais;
  private readonly pool: DividendPool;
  private readonly rng: Rng;
  private readonly emit: (channel: string, record: unknown) => void;
  /** The buyers and their standing queries are fixed when the run starts; prices and terms are live. */
  private readonly buyers: DataMarketParams['buyers'];
  private readonly queries: AggregateQuery[];

  constructor(parts: DataMarketParts, buyers: DataMarketParams['buyers']) {
    const { groups, categories } = parts;
    this.ais = parts.ais;
    this.pool = parts.pool;
    this.rng = parts.rng;
    this.emit = parts.emit;
    this.buyers = buyers;
    this.lastSale = new Int32Array(buyers.length);
    this.queries = buyers.map((b) => ({
      buyer: b.name,
      measure: b.measure,
      period: '',
      groups,
      categories,
    }));
  }

  /** Sells the reports due at the end of `tick`, at the prices and privacy of `p`. */
  endTick(tick: number, p: MimoParams): void {
    if (this.ais.lastPeriodLabel === '') return;
    this.buyers.forEach((b, i) => {
      if (tick % b.every === 0 && this.sell(i, p)) this.lastSale[i] = tick;
    });
  }

  /** Sells buyer i its report; false when nothing could be released. */
  private sell(i: number, p: MimoParams): boolean {
    const query = { ...this.queries[i], period: this.ais.lastPeriodLabel };
    const outcome = this.ais.release(query, this.buyers[i].measure, p.ais);
    for (const cell of outcome.cells) this.emit('released', cell);
    if (outcome.cells.length === 0) return false;
    const noise = laplaceScale(p.ais.clip, p.ais.epsilon);
    const price = reportPrice(outcome.membersUsed, outcome.recordsUsed, noise, p.dataMarket);
    const { chance, maxBuyers, priceShare, royalty } = p.dataMarket.resale;
    let royalties = 0;
    for (let j = 0; j < maxBuyers; j++) {
      if (this.rng.chance(chance)) royalties += Math.round(price * priceShare * royalty);
    }
    this.pool.receive(price, royalties, p.ais.fee);
    this.reports++;
    return true;
  }
}
