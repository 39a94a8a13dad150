import type { Rng } from '../../../sim/random/rng.js';
import type { AisSection } from './params.js';
import { HOUR } from '../params.js';
import type { SettlementObserver } from '../trading/settlement.js';
import type { Trade } from '../trading/trade.js';
import {
  ProtectedStatistics,
  type AggregateQuery,
  type ReleaseOutcome,
} from './privacy/protected-statistics.js';
import { counterpartyContext, Pseudonyms } from './privacy/pseudonyms.js';
import { RecordLog } from './privacy/record-log.js';

/** What a data buyer's report sums: buyers' outlays or providers' hours. */
export type Measure = 'spend' | 'hours';

/** Per period, the records a query can read: one log per measure. */
interface PeriodLogs {
  spend: RecordLog;
  hours: RecordLog;
}

/**
 * The Anonymous Identity Service, wired into settlement: every settled trade leaves two records (the buyer's
 * withdrawal, priced as spend; the provider's deposit, in hours), keyed by member index inside AIS only, and
 * AIS keeps each member's quasi-bank account of cultural value (hours and value deposited, hours withdrawn).
 * Records are kept per budget period (`ais.period` ticks): queries read the last completed period, through
 * `ProtectedStatistics` (k, Laplace noise, per-member budgets). Counterparties see each other only by
 * per-context pseudonyms (`--trace N` writes the first N trades as each side saw them to `ais_trades.jsonl`).
 * A record's group is the trade's means of payment (0: fiat only, 1 + g: group g's currency).
 */
export class Ais implements SettlementObserver {
  readonly statistics: ProtectedStatistics;
  readonly pseudonyms: Pseudonyms;
  /** Records each member contributed (one per side of each trade). */
  readonly records: Float64Array;
  /** Quasi-bank: hours deposited (service given) and withdrawn (received), value deposited (fiat minor units). */
  readonly hoursDeposited: Float64Array;
  readonly hoursWithdrawn: Float64Array;
  readonly valueDeposited: Float64Array;
  /** Uses of information goods, this info-goods period (member: user, group: good, category: 1 in context). */
  readonly uses = new RecordLog(4096);
  /** Label of the last completed period, e.g. `ticks 31-60` ('' before the first one ends). */
  lastPeriodLabel = '';
  /** Cumulative outcome counters of every release. */
  releasedCells = 0;
  suppressedCells = 0;
  absErrorSum = 0;
  private current: PeriodLogs = { spend: new RecordLog(4096), hours: new RecordLog(4096) };
  private last: PeriodLogs = { spend: new RecordLog(4096), hours: new RecordLog(4096) };
  private traced = 0;

  constructor(
    readonly members: number,
    budget: number,
    seed: number,
    replicate: number,
    noise: Rng,
    private readonly trace: number,
    private readonly emit: (channel: string, record: unknown) => void,
    /** Each member's share of the privacy budget (mean 1), or null: all the same. */
    budgetShares: Float64Array | null = null,
  ) {
    this.statistics = new ProtectedStatistics(members, budget, noise, budgetShares);
    this.pseudonyms = new Pseudonyms(seed, replicate);
    this.records = new Float64Array(members);
    this.hoursDeposited = new Float64Array(members);
    this.hoursWithdrawn = new Float64Array(members);
    this.valueDeposited = new Float64Array(members);
  }

  /** Records one settled trade (the Trade object is reused by settlement: only numbers are copied). */
  settled(trade: Trade): void {
    const { buyer, seller } = trade;
    this.records[buyer]++;
    this.records[seller]++;
    const hours = trade.hours / HOUR;
    this.hoursDeposited[seller] += hours;
    this.hoursWithdrawn[buyer] += hours;
    this.valueDeposited[seller] += trade.price;
    this.current.spend.append(buyer, trade.currency, trade.category, trade.price / 100);
    this.current.hours.append(seller, trade.currency, trade.category, hours);
    if (this.traced < this.trace) {
      this.traced++;
      this.emit('ais_trades', {
        tick: trade.tick,
        category: trade.category,
        hours,
        price: trade.price,
        currency: trade.currency,
        cultural: trade.cultural,
        fiat: trade.fiat,
        ...this.parties(buyer, seller),
      });
    }
  }

  /**
   * The two sides of a trade as each sees the other: every trace written with AIS on names members only this way
   * (never by member id), so traces cannot be joined back to members.
   */
  parties(
    buyer: number,
    seller: number,
  ): { buyer_as_seen_by_seller: string; seller_as_seen_by_buyer: string } {
    return {
      buyer_as_seen_by_seller: this.pseudonyms.of(counterpartyContext(seller), buyer),
      seller_as_seen_by_buyer: this.pseudonyms.of(counterpartyContext(buyer), seller),
    };
  }

  /** Closes tick `tick`: at the end of a period its records become the last period's, and budgets reset. */
  endTick(tick: number, p: AisSection): void {
    const period = p.period;
    if (tick % period !== 0) return;
    const done = this.current;
    this.current = this.last;
    this.current.spend.clear();
    this.current.hours.clear();
    this.last = done;
    this.lastPeriodLabel = `ticks ${tick - period + 1}-${tick}`;
    this.statistics.startPeriod();
  }

  /** Answers `query` over the last completed period's `measure` records, in protected form. */
  release(query: AggregateQuery, measure: Measure, p: AisSection): ReleaseOutcome {
    const outcome = this.statistics.release(query, this.last[measure], p);
    this.releasedCells += outcome.cells.length;
    this.suppressedCells += outcome.suppressed;
    this.absErrorSum += outcome.absErrorSum;
    return outcome;
  }

  /** Records in the last completed period for `measure` (for tests and coverage). */
  lastPeriodRecords(measure: Measure): number {
    return this.last[measure].length;
  }

  /** Tracks one use of information good `good` by `user`. */
  recordUse(user: number, good: number, inContext: boolean, weight: number): void {
    this.uses.append(user, good, inContext ? 1 : 0, weight);
  }
}
