import type { Book } from '../../../sim/ledger/book.js';
import { correlation } from '../../../sim/stats/moments.js';
import { giniOfSorted } from '../../../sim/stats/gini.js';
import type { Ais } from '../ais/ais.js';
import type { MimoDividendParams } from '../ais/params.js';
import { compileFormula, type DividendFormula } from './formula/formula.js';
import { payLargestRemainder } from './payout.js';
import { MEMBER_VARIABLE_NAMES } from './variables.js';
import { fillMemberVariables } from './member-variables.js';
import { describeWeightIssues, sanitizeWeights } from './weights.js';
import type { DividendPool } from './pool.js';
import type { Population } from '../economy/population.js';

/** Whom the payer pays, from what, in which book, and how it values and warns. */
export interface DividendPayerParts {
  readonly population: Population;
  readonly ais: Ais;
  readonly pool: DividendPool;
  /** The book the dividend is paid in and its `dividends` flow id. */
  readonly book: Book;
  readonly flow: number;
  /** Fiat minor units per minor unit of the dividend currency, or null when it is fiat itself. */
  readonly fiatPerUnit: (() => number) | null;
  readonly warn: (message: string) => void;
}

/**
 * Pays the dividend pool every `dividends.every` ticks: the formula gives each member a weight over the member
 * variables (cumulative since the start: records, hours_given, hours_received, value_given, privacy_spent,
 * tenure, groups), and the pool is paid by largest remainder, to the last minor unit. In fiat, the pool's
 * outflow enters the members' fiat as the logged `dividends` inflow. In a fixed-issue currency, the pool buys
 * floor(pool / reference rate) units: that fiat moves to AIS's reserve and the units are issued to the members
 * (logged `dividends` inflow of that currency). Nothing is paid while every weight is 0: the pool carries over.
 */
export class DividendPayer {
  paidCum = 0;
  /** Minor units of the dividend currency paid to members since the start. */
  unitsCum = 0;
  /** Largest |sum of payouts − amount paid| over payouts (always 0). */
  conservationError = 0;
  lastGini = 0;
  lastCorrelation = 0;
  readonly payouts: Float64Array;
  /** What each member has received since the start (minor units of the dividend currency). */
  readonly received: Float64Array;
  private readonly weights: Float64Array;
  private readonly columns: Record<string, Float64Array> = {};
  private readonly formula: DividendFormula;
  private readonly scratch: Float64Array;
  private readonly population: Population;
  private readonly ais: Ais;
  private readonly pool: DividendPool;
  private readonly params: MimoDividendParams;
  private readonly book: Book;
  private readonly flow: number;
  private readonly fiatPerUnit: (() => number) | null;
  private readonly warn: (message: string) => void;

  /** `params` (formula, period, currency) are fixed when the run starts. */
  constructor(parts: DividendPayerParts, params: MimoDividendParams) {
    this.population = parts.population;
    this.ais = parts.ais;
    this.pool = parts.pool;
    this.book = parts.book;
    this.flow = parts.flow;
    this.fiatPerUnit = parts.fiatPerUnit;
    this.warn = parts.warn;
    this.params = params;
    const n = this.population.n;
    this.formula = compileFormula(params.formula, MEMBER_VARIABLE_NAMES);
    for (const name of this.formula.uses) this.columns[name] = new Float64Array(n);
    this.weights = new Float64Array(n);
    this.payouts = new Float64Array(n);
    this.received = new Float64Array(n);
    this.scratch = new Float64Array(n);
  }

  /** Pays the pool out at the end of `tick` if a payout is due. */
  endTick(tick: number): void {
    if (tick % this.params.every !== 0 || this.pool.balance === 0) return;
    const n = this.population.n;
    this.fillColumns(tick);
    this.formula.evaluate(this.columns, n, this.weights);
    const warning = describeWeightIssues(sanitizeWeights(this.weights, n));
    if (warning) this.warn(`tick ${tick}: ${warning}`);
    const rate = this.fiatPerUnit ? this.fiatPerUnit() : 1;
    const inFiat = this.fiatPerUnit === null;
    const units = inFiat ? this.pool.balance : Math.floor(this.pool.balance / rate);
    if (!(units > 0)) return;
    const payout = payLargestRemainder(units, this.weights, this.payouts, n);
    if (payout.paid === 0) {
      // Every weight is 0 (e.g. log(records, 0)): say so rather than pay nothing silently.
      this.warn(`tick ${tick}: dividends.formula: every weight is 0, nothing paid (the pool keeps it)`);
      return;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const amount = this.payouts[i];
      if (amount > 0) {
        this.book.inflow(i, amount, this.flow);
        this.received[i] += amount;
      }
      sum += amount;
    }
    this.conservationError = Math.max(this.conservationError, Math.abs(sum - units));
    const fiatUsed = inFiat ? units : Math.min(this.pool.balance, Math.round(units * rate));
    if (inFiat) this.pool.payOut(units);
    else this.pool.toReserve(fiatUsed);
    this.paidCum += fiatUsed;
    this.unitsCum += units;
    this.summarise(n);
  }

  /** Gini among members paid, and the correlation of payouts with records contributed. */
  private summarise(n: number): void {
    let k = 0;
    for (let i = 0; i < n; i++) if (this.payouts[i] > 0) this.scratch[k++] = this.payouts[i];
    const paid = this.scratch.subarray(0, k);
    paid.sort();
    this.lastGini = giniOfSorted(paid);
    this.lastCorrelation = correlation(this.payouts, this.ais.records, n);
  }

  private fillColumns(tick: number): void {
    fillMemberVariables(this.formula.uses, this.columns, this.population, this.ais, tick);
  }
}
