import type { Rng } from '../../../../sim/random/rng.js';
import { laplaceRelease, laplaceScale } from './laplace-mechanism.js';
import type { AisParams } from './params.js';
import { PrivacyBudget } from './privacy-budget.js';
import type { RecordBatch } from './record-log.js';
import type { ReleasedCell } from './released-cell.js';

/** A data buyer's query: the sum of `measure` per (group, category) cell over one period's records. */
export interface AggregateQuery {
  readonly buyer: string;
  readonly measure: string;
  readonly period: string;
  /** Group labels, indexed by `RecordBatch.group`. */
  readonly groups: readonly string[];
  /** Category labels, indexed by `RecordBatch.category`. */
  readonly categories: readonly string[];
}

/** What one query released, plus AIS's own bookkeeping (only `cells` goes to the buyer). */
export interface ReleaseOutcome {
  /** The released records, exactly as the buyer receives them. */
  readonly cells: ReleasedCell[];
  /** Non-empty cells not released (fewer than k members with budget left). */
  readonly suppressed: number;
  /** Sum over released cells of |released value - true clipped sum|. */
  readonly absErrorSum: number;
  /** Distinct members charged by this query. */
  readonly membersUsed: number;
  /** Records that entered a released cell. */
  readonly recordsUsed: number;
  /** Members with records in the query who were left out because the query would exceed their budget. */
  readonly membersDropped: number;
}

/**
 * AIS's protected statistics: k-threshold, Laplace noise and per-member privacy budgets.
 *
 * One query, precisely:
 * 1. Each member's records in a cell are summed and clipped to [0, clip] (sensitivity = clip per member per cell).
 * 2. A member's cost for the query is epsilon x (number of cells of the query holding its records): disjoint cells
 *    compose in parallel (a member in one cell pays epsilon once), a member in several cells pays for each
 *    (sequential composition), and successive queries add up (sequential composition).
 * 3. A member whose full cost would exceed its remaining period budget is dropped from the whole query, and every
 *    cell is recomputed without it: its records count neither for k nor for the sum.
 * 4. A cell is released iff at least k distinct remaining members contribute; its value is the clipped sum plus
 *    Laplace(clip/epsilon) noise, drawn from `noise` in cell order (group-major). Suppressed cells are not sent.
 * 5. Each remaining member is charged epsilon per released cell holding its records (never more than its cost).
 */
export class ProtectedStatistics {
  readonly budget: PrivacyBudget;
  private queries = 0;
  // Scratch per member, reused across queries: stamps avoid clearing between cells.
  private readonly stamp: Float64Array;
  private readonly cellsTouched: Int32Array;
  private readonly memberSum: Float64Array;
  private readonly eligible: Uint8Array;
  private stampBase = 0;

  constructor(
    readonly members: number,
    budget: number,
    private readonly noise: Rng,
    /** Each member's share of the budget (mean 1), or null: all the same. */
    budgetShares: Float64Array | null = null,
  ) {
    this.budget = new PrivacyBudget(members, budget, budgetShares);
    this.stamp = new Float64Array(members).fill(-1);
    this.cellsTouched = new Int32Array(members);
    this.memberSum = new Float64Array(members);
    this.eligible = new Uint8Array(members);
  }

  /** Starts a budget period (call every `ais.period` ticks). */
  startPeriod(): void {
    this.budget.startPeriod();
  }

  /** Share of members that cannot afford one more cell of `epsilon` this period. */
  exhaustedShare(epsilon: number): number {
    return this.budget.exhaustedShare(epsilon);
  }

  /** Answers `query` over `records` in protected form under the privacy params `p`, and charges the members used. */
  release(query: AggregateQuery, records: RecordBatch, p: AisParams): ReleaseOutcome {
    const { k, epsilon, clip } = p;
    this.budget.budget = p.budget;
    this.budget.lifetime = p.lifetimeBudget > 0 ? p.lifetimeBudget : Infinity;
    const scale = laplaceScale(clip, epsilon);
    const nCat = query.categories.length;
    const nCells = query.groups.length * nCat;
    const n = records.length;
    const queryId = ++this.queries;

    // Bucket the records by cell (counting sort): order[start[c] .. start[c+1]) are cell c's records.
    const start = new Int32Array(nCells + 1);
    for (let r = 0; r < n; r++) start[this.cellOf(records, r, query) + 1]++;
    for (let c = 0; c < nCells; c++) start[c + 1] += start[c];
    const order = new Int32Array(n);
    const fill = start.slice(0, nCells);
    for (let r = 0; r < n; r++) order[fill[this.cellOf(records, r, query)]++] = r;

    // Pass 1: the cells each member touches, hence its cost; who can afford it.
    const seen: number[] = [];
    let base = this.nextStamps(nCells);
    for (let c = 0; c < nCells; c++) {
      for (let i = start[c]; i < start[c + 1]; i++) {
        const m = records.member[order[i]];
        if (this.stamp[m] === base + c) continue;
        this.stamp[m] = base + c;
        if (this.cellsTouched[m] === 0) seen.push(m);
        this.cellsTouched[m]++;
      }
    }
    let membersDropped = 0;
    for (const m of seen) {
      const ok = this.budget.canAfford(m, this.cellsTouched[m] * epsilon);
      this.eligible[m] = ok ? 1 : 0;
      if (!ok) membersDropped++;
    }

    // Pass 2: per cell, the clipped sum and the distinct count over eligible members; release, charge.
    const cells: ReleasedCell[] = [];
    const cellMembers = new Int32Array(seen.length);
    let suppressed = 0;
    let absErrorSum = 0;
    let recordsUsed = 0;
    let membersUsed = 0;
    base = this.nextStamps(nCells);
    for (let c = 0; c < nCells; c++) {
      if (start[c] === start[c + 1]) continue;
      let distinct = 0;
      let cellRecords = 0;
      for (let i = start[c]; i < start[c + 1]; i++) {
        const m = records.member[order[i]];
        if (this.eligible[m] === 0) continue;
        cellRecords++;
        if (this.stamp[m] !== base + c) {
          this.stamp[m] = base + c;
          this.memberSum[m] = 0;
          cellMembers[distinct++] = m;
        }
        this.memberSum[m] += records.value[order[i]];
      }
      if (distinct < k) {
        suppressed++;
        continue;
      }
      let trueSum = 0;
      for (let j = 0; j < distinct; j++) {
        const m = cellMembers[j];
        trueSum += Math.min(clip, Math.max(0, this.memberSum[m]));
        this.budget.charge(m, epsilon);
        // cellsTouched doubles as a "charged by this query" mark: -1 once charged.
        if (this.cellsTouched[m] > 0) {
          this.cellsTouched[m] = -1;
          membersUsed++;
        }
      }
      const value = laplaceRelease(this.noise, trueSum, scale);
      absErrorSum += Math.abs(value - trueSum);
      recordsUsed += cellRecords;
      cells.push({
        buyer: query.buyer,
        query: queryId,
        measure: query.measure,
        period: query.period,
        group: query.groups[Math.floor(c / nCat)],
        category: query.categories[c % nCat],
        value,
        epsilon,
        noise_scale: scale,
      });
    }

    for (const m of seen) {
      this.cellsTouched[m] = 0;
      this.eligible[m] = 0;
    }
    return { cells, suppressed, absErrorSum, membersUsed, recordsUsed, membersDropped };
  }

  private nextStamps(nCells: number): number {
    const base = this.stampBase;
    this.stampBase += nCells;
    return base;
  }

  private cellOf(records: RecordBatch, r: number, query: AggregateQuery): number {
    const g = records.group[r];
    const c = records.category[r];
    const m = records.member[r];
    if (!(g >= 0 && g < query.groups.length))
      throw new Error(`ais.query: record ${r} has group ${g} outside 0..${query.groups.length - 1}`);
    if (!(c >= 0 && c < query.categories.length))
      throw new Error(`ais.query: record ${r} has category ${c} outside 0..${query.categories.length - 1}`);
    if (!(m >= 0 && m < this.members))
      throw new Error(`ais.query: record ${r} has member ${m} outside 0..${this.members - 1}`);
    return g * query.categories.length + c;
  }
}
