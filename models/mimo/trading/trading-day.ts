import type { Book } from '../../../sim/ledger/book.js';
import { halfWindow } from '../../../sim/space/ring-list.js';
import type { Rng } from '../../../sim/random/rng.js';
import { findProvider, type ProviderSearch } from './matching.js';
import {
  negotiate,
  negotiationRecord,
  NegotiationOutcome,
  OfferTrace,
} from '../../common/negotiation/index.js';
import { HOUR, type MimoParams } from '../params.js';
import { planPayment, type PaymentParts } from './payment.js';
import { splitPayment } from './payment.js';
import type { HourValue } from '../market/hour-value.js';
import type { Population } from '../economy/population.js';
import type { Settlement } from './settlement.js';
import { Trade, type TradeStats } from './trade.js';

/** What a trading day needs besides its params: the parts it drives, its random streams and its trace output. */
export interface TradingDayParts {
  readonly population: Population;
  readonly settlement: Settlement;
  readonly stats: TradeStats;
  readonly fiat: Book;
  /** What an hour is worth to each member: records the tick's service prices. */
  readonly hourValue: HourValue;
  /** What the payment choice reads. */
  readonly payment: PaymentParts;
  /** Draws needs, their categories and providers. */
  readonly needsRng: Rng;
  /** Draws private values, negotiation and payment choices. */
  readonly dealRng: Rng;
  /** How many negotiations to trace, and where traces go. */
  readonly trace: number;
  readonly emit: (channel: string, record: unknown) => void;
  /** With AIS on: how traces name the two sides (AIS pseudonyms, never member ids); null: by member id. */
  readonly parties: ((buyer: number, seller: number) => Record<string, string>) | null;
}

/**
 * One tick of needs and trade: members, in a cyclic order from a random first member, get their needs (one Poisson
 * count per member, its mean scaled by the member's activity; each need in a category drawn uniformly). Member ids carry no meaning (members are drawn independently), so every
 * member's expected place in the order is the same, as with a full shuffle; but walking the arrays in order keeps
 * the buyer's side of each trade in cache, which matters at a million members. Each need first asks the buyer's
 * last provider (if it offers the category and has time), else seeks one; the means of payment are planned
 * (`planPayment`), the buyer checks it can afford the fiat part at the provider's cost at least, and the fiat to buy the
 * hours it lacks at their reference rate (cash in advance),
 * the two negotiate the price with their private values, and the trade is settled. Unmet needs are counted by
 * cause: no provider, no agreement, no money.
 */
export class TradingDay {
  private readonly outcome = new NegotiationOutcome();
  private readonly offers = new OfferTrace();
  private readonly trade = new Trade();
  private readonly search: ProviderSearch = {
    amount: 0,
    limit: 0,
    ownGroupsFirst: false,
    half: 0,
    fullReach: 0,
  };
  private traced = 0;
  /** income.scale^η this tick: the economy-wide part of every member's income factor. */
  private scaleFactor = 1;

  constructor(private readonly parts: TradingDayParts) {}

  /** The trading phase of tick `tick`. */
  run(tick: number, p: MimoParams): void {
    const { population: pop, needsRng } = this.parts;
    pop.useNeedRates(p);
    const n = pop.n;
    const categories = p.categories;
    const first = needsRng.int(n);
    // The same for every need of the tick.
    const search = this.search;
    search.amount = Math.round(p.needs.hours * HOUR);
    search.limit = p.search.limit;
    search.ownGroupsFirst = p.search.ownGroupsFirst;
    search.half = halfWindow(p.search.reach);
    // A provider offering a person's mean hours or more is always reached when tried.
    search.fullReach = p.skills.hours * HOUR;
    const { fiatRates, rates } = this.parts.payment;
    for (let c = 0; c < fiatRates.length; c++) fiatRates[c] = rates.fiatValue(c);
    this.scaleFactor = Math.pow(p.income.scale, p.valuation.incomeElasticity);
    accrueTime(pop.remaining, pop.capacity, search.amount);
    for (let k = 0; k < n; k++) {
      const buyer = first + k < n ? first + k : first + k - n;
      for (let needs = pop.drawNeeds(buyer, needsRng); needs > 0; needs--) {
        this.serve(tick, buyer, needsRng.int(categories), p);
      }
    }
  }

  /**
   * One need of `buyer` in `category`: search, negotiation, payment and settlement, each counted. Kept apart from
   * the sweep over members so both stay small enough for the compiler to optimise as a whole.
   */
  private serve(tick: number, buyer: number, category: number, p: MimoParams): void {
    const { population: pop, stats, settlement, needsRng, dealRng } = this.parts;
    const { trade, outcome, search } = this;
    const negotiation = p.negotiation;
    stats.needs++;
    const amount = search.amount;
    const partner = pop.partner[buyer];
    const seller =
      p.activity.partners &&
      partner >= 0 &&
      (pop.skills[partner] & (1 << category)) !== 0 &&
      pop.remaining[partner] >= amount
        ? partner
        : findProvider(pop, buyer, category, search, needsRng);
    if (seller < 0) {
      stats.unmet++;
      stats.unmetNoProvider++;
      return;
    }
    trade.tick = tick;
    trade.buyer = buyer;
    trade.seller = seller;
    trade.category = category;
    trade.hours = amount;
    trade.value = noisyValue(pop.hourValue[buyer] * p.needs.hours, p.valuation.noise, dealRng);
    trade.cost = noisyValue(pop.hourCost[seller] * p.needs.hours, p.valuation.noise, dealRng);
    planPayment(trade, this.parts.payment, p, this.scaleFactor, dealRng);
    const { value, cost } = trade;
    // Cash in advance: the buyer must hold the fiat part of the lowest price it could agree, and the fiat to buy
    // the hours it lacks at their reference rate.
    let fiatNeeded = (1 - trade.culturalShare) * cost;
    if (trade.needsMarket)
      fiatNeeded += trade.culturalShare * amount * this.parts.payment.fiatRates[trade.currency];
    if (this.parts.fiat.balances[buyer] < fiatNeeded) {
      stats.unmet++;
      stats.unmetNoMoney++;
      return;
    }
    const offers = this.traced < this.parts.trace ? this.offers : null;
    stats.negotiations++;
    const agreed = negotiate(value, cost, negotiation, dealRng, outcome, offers);
    stats.rounds += outcome.rounds;
    if (offers) {
      this.traced++;
      this.parts.emit('negotiations', {
        tick,
        ...(this.parts.parties ? this.parts.parties(buyer, seller) : { buyer, seller }),
        category,
        ...negotiationRecord(value, cost, negotiation, outcome, offers),
      });
    }
    if (!agreed) {
      stats.breakdowns++;
      stats.unmet++;
      stats.unmetNoAgreement++;
      return;
    }
    trade.price = outcome.price;
    splitPayment(trade);
    if (!settlement.settle(trade, p)) {
      stats.unmet++;
      return;
    }
    this.parts.hourValue.recordService(trade.price, amount);
    pop.partner[buyer] = seller;
  }
}

/**
 * Each member's time to give this tick: its hours per tick, plus what it did not give before, up to the larger of a
 * tick's hours and one need (someone who offers 20 minutes a day can give an hour every three days).
 */
function accrueTime(remaining: Int32Array, capacity: Int32Array, amount: number): void {
  const need = amount | 0;
  // min and max on int32 by sign masks, with no branch: which side wins is random member to member, and
  // Math.min/max on a boxed `amount` compiled to float compares and mispredicted jumps (2.5× slower). Hours per
  // tick are far below 2^30 minor units, so no difference leaves int32. A member without hours has none left
  // either: 0 + 0 stays 0.
  for (let i = 0; i < remaining.length; i++) {
    const cap = capacity[i];
    const over = need - cap;
    const bound = cap + (over & ~(over >> 31)); // max(cap, need)
    const excess = remaining[i] + cap - bound;
    remaining[i] = bound + (excess & (excess >> 31)); // min(remaining + cap, bound)
  }
}

/** A private reservation value: `base` within ±noise, in whole minor units, at least 1. */
function noisyValue(base: number, noise: number, rng: Rng): number {
  return Math.max(1, Math.round(base * (1 + noise * (2 * rng.float32() - 1))));
}
