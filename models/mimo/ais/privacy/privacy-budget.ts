/** Relative slack when comparing sums of epsilons to the budget (0.1 * 10 must fit a budget of 1). */
const SLACK = 1e-9;

/**
 * Each member's privacy budget: epsilon spent in the current period (reset by `startPeriod`) and in total, against a
 * budget per period of `budget` and, if set, one for the whole run of `lifetime`, each × the member's own share when
 * members differ in how much privacy they give up (`ais.budgetSpread`). Composition is the caller's business: it
 * asks `canAfford(m, cost)` for the whole cost of one query, then `charge`s.
 */
export class PrivacyBudget {
  /** Epsilon spent by each member in the current period. */
  readonly spentPeriod: Float64Array;
  /** Epsilon spent by each member since the run started (the dividend variable `privacy_spent`). */
  readonly spentTotal: Float64Array;
  /** Epsilon each member may spend in the whole run (Infinity: no cap; may change between releases). */
  lifetime = Infinity;

  constructor(
    readonly members: number,
    /** Epsilon each member may spend per period (may change between periods). */
    public budget: number,
    /** Each member's share of `budget` (mean 1), or null: every member has `budget`. */
    readonly shares: Float64Array | null = null,
  ) {
    if (!(budget > 0)) throw new Error(`ais.budget: must be > 0 (got ${budget})`);
    this.spentPeriod = new Float64Array(members);
    this.spentTotal = new Float64Array(members);
    if (shares !== null && shares.length !== members)
      throw new Error(`privacy budget shares: ${shares.length} for ${members} members`);
  }

  /** Epsilon `member` may spend per period. */
  budgetOf(member: number): number {
    return this.shares === null ? this.budget : this.budget * this.shares[member];
  }

  /** Epsilon `member` may spend in the whole run. */
  lifetimeOf(member: number): number {
    return this.shares === null ? this.lifetime : this.lifetime * this.shares[member];
  }

  /** True if `member` can be charged `cost` more this period, and in the run, without exceeding its budgets. */
  canAfford(member: number, cost: number): boolean {
    return (
      this.spentPeriod[member] + cost <= this.budgetOf(member) * (1 + SLACK) &&
      this.spentTotal[member] + cost <= this.lifetimeOf(member) * (1 + SLACK)
    );
  }

  /** Charges `member` `cost` epsilon (callers check `canAfford` first). */
  charge(member: number, cost: number): void {
    this.spentPeriod[member] += cost;
    this.spentTotal[member] += cost;
  }

  /** Epsilon `member` may still spend this period (and in the run). */
  remaining(member: number): number {
    const period = this.budgetOf(member) - this.spentPeriod[member];
    return Math.max(0, Math.min(period, this.lifetimeOf(member) - this.spentTotal[member]));
  }

  /** True if `member` cannot afford even one release of `epsilon` this period. */
  exhausted(member: number, epsilon: number): boolean {
    return !this.canAfford(member, epsilon);
  }

  /** Share of members that cannot afford one more release of `epsilon` this period. */
  exhaustedShare(epsilon: number): number {
    if (this.members === 0) return 0;
    let n = 0;
    for (let m = 0; m < this.members; m++) if (!this.canAfford(m, epsilon)) n++;
    return n / this.members;
  }

  /** Starts a new budget period: every member's period spending returns to 0. */
  startPeriod(): void {
    this.spentPeriod.fill(0);
  }
}
