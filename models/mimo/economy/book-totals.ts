import type { Economy } from './economy.js';

/**
 * What every book holds after a tick, recounted from the balances: the tick's last phase, one pass per currency.
 * The metrics read members' holdings from it and the invariants check each book's total against its logged flows,
 * so both take the same count and nothing passes over the balances twice.
 */
export class BookTotals {
  /** Per currency: the sum of members' balances … */
  readonly held: Float64Array;
  /** … of members' positive balances … */
  readonly positive: Float64Array;
  /** … and of every account's (members, then group, escrow and arbitrage accounts). */
  readonly total: Float64Array;

  constructor(currencies: number) {
    this.held = new Float64Array(currencies);
    this.positive = new Float64Array(currencies);
    this.total = new Float64Array(currencies);
  }

  /** Recounts every book of `economy` into these totals. */
  recount(economy: Economy): void {
    const members = economy.population.n;
    for (let c = 0; c < economy.count; c++) this.recountBook(c, economy.currencies[c].balances, members);
  }

  private recountBook(c: number, balances: Float64Array | Int32Array, members: number): void {
    // Σ max(b, 0) = (Σ |b| + Σ b) / 2, exact for whole minor units; |b| compiles without a branch, and the signs of
    // mutual-credit balances are too mixed for a branch to be predicted (6× slower per pass at a million members).
    let held = 0;
    let magnitude = 0;
    for (let i = 0; i < members; i++) {
      const b = balances[i];
      held += b;
      magnitude += Math.abs(b);
    }
    let total = held;
    for (let i = members; i < balances.length; i++) total += balances[i];
    this.held[c] = held;
    this.positive[c] = (magnitude + held) / 2;
    this.total[c] = total;
  }
}
