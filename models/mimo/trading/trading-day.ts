import type { Book } from '../../../sim/ledger/book.js';
import type { ModelContext } from '../../../sim/model.js';
import { halfWindow } from '../../../sim/space/ring-list.js';
import type { Rng } from '../../../sim/random/rng.js';
import { findProvider } from './matching.js';
import {
  negotiate,
  negotiationRecord,
  NegotiationOutcome,
  OfferTrace,
  type NegotiationParams,
} from '../../common/negotiation/index.js';
import { HOUR, type MimoParams } from '../params.js';
import { choosePayment } from './payment.js';
import type { Population } from '../economy/population.js';
import type { Settlement } from './settlement.js';
import { Trade, type TradeStats } from './trade.js';

/**
 * One tick of needs and trade: members, in a cyclic order from a random first member, get their needs (Poisson, per
 * category). Member ids carry no meaning (members are drawn independently), so every member's expected place in
 * the order is the same, as with a full shuffle; but walking the arrays in order keeps the buyer's side of each
 * trade in cache, which matters at a million members. Each
 * need seeks a provider, buyer and provider negotiate the price with their private reservation values, the
 * means of payment is chosen, and the trade is settled. Unmet needs, breakdowns and rounds are counted.
 */
export class TradingDay {
  private readonly outcome = new NegotiationOutcome();
  private readonly offers = new OfferTrace();
  private readonly trade = new Trade();
  private traced = 0;
  /** Minor units of service per need, and the half window of the local market, this tick. */
  private amount = 0;
  private half = 0;
  private params: MimoParams;

  constructor(
    private readonly population: Population,
    private readonly settlement: Settlement,
    private readonly stats: TradeStats,
    params: MimoParams,
    private readonly context: ModelContext<MimoParams>,
    private readonly fiat: Book,
  ) {
    this.params = params;
  }

  setParams(params: MimoParams): void {
    this.params = params;
  }

  run(tick: number, needsRng: Rng, dealRng: Rng): void {
    const pop = this.population;
    pop.remaining.set(pop.capacity);
    const n = pop.n;
    const categories = this.params.categories;
    const first = needsRng.int(n);
    // The same for every need of the tick.
    this.amount = Math.round(this.params.needs.hours * HOUR);
    this.half = halfWindow(this.params.search.reach);
    for (let k = 0; k < n; k++) {
      const buyer = first + k < n ? first + k : first + k - n;
      for (let needs = pop.drawNeeds(buyer, needsRng); needs > 0; needs--) {
        this.serve(tick, buyer, needsRng.int(categories), needsRng, dealRng);
      }
    }
  }

  /**
   * One need of `buyer` in `category`: search, negotiation, payment and settlement, each counted. Kept apart from
   * the sweep over members so both stay small enough for the compiler to optimise as a whole.
   */
  private serve(tick: number, buyer: number, category: number, needsRng: Rng, dealRng: Rng): void {
    const p = this.params;
    const pop = this.population;
    const { stats, trade, outcome } = this;
    const negotiation = p.negotiation as NegotiationParams;
    const amount = this.amount;
    stats.needs++;
    const seller = findProvider(
      pop,
      buyer,
      category,
      amount,
      needsRng,
      p.search.limit,
      p.search.ownGroupsFirst,
      this.half,
    );
    if (seller < 0) {
      stats.unmet++;
      return;
    }
    const value = noisyValue(pop.hourValue[buyer] * p.needs.hours, p.valuation.noise, dealRng);
    const cost = noisyValue(pop.hourCost[seller] * p.needs.hours, p.valuation.noise, dealRng);
    const offers = this.traced < this.context.trace ? this.offers : null;
    stats.negotiations++;
    const agreed = negotiate(value, cost, negotiation, dealRng, outcome, offers);
    stats.rounds += outcome.rounds;
    if (offers) {
      this.traced++;
      this.context.emit('negotiations', {
        tick,
        buyer,
        seller,
        category,
        ...negotiationRecord(value, cost, negotiation, outcome, offers),
      });
    }
    if (!agreed) {
      stats.breakdowns++;
      stats.unmet++;
      return;
    }
    trade.tick = tick;
    trade.buyer = buyer;
    trade.seller = seller;
    trade.category = category;
    trade.hours = amount;
    trade.value = value;
    trade.cost = cost;
    trade.price = outcome.price;
    choosePayment(trade, pop, dealRng, p.payment.outsiders, this.fiat.balances[buyer], p.payment.fiatBuffer);
    if (!this.settlement.settle(trade)) stats.unmet++;
  }
}

/** A private reservation value: `base` within ±noise, in whole minor units, at least 1. */
function noisyValue(base: number, noise: number, rng: Rng): number {
  return Math.max(1, Math.round(base * (1 + noise * (2 * rng.float32() - 1))));
}
