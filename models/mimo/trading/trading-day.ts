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
import { choosePayment } from './payment.js';
import type { Population } from '../economy/population.js';
import type { Settlement } from './settlement.js';
import { Trade, type TradeStats } from './trade.js';

/** What a trading day needs besides its params: the parts it drives, its random streams and its trace output. */
export interface TradingDayParts {
  readonly population: Population;
  readonly settlement: Settlement;
  readonly stats: TradeStats;
  readonly fiat: Book;
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
  private readonly search: ProviderSearch = { amount: 0, limit: 0, ownGroupsFirst: false, half: 0 };
  private traced = 0;

  constructor(private readonly parts: TradingDayParts) {}

  /** The trading phase of tick `tick`. */
  run(tick: number, p: MimoParams): void {
    const { population: pop, needsRng } = this.parts;
    pop.remaining.set(pop.capacity);
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
    const seller = findProvider(pop, buyer, category, search, needsRng);
    if (seller < 0) {
      stats.unmet++;
      return;
    }
    const value = noisyValue(pop.hourValue[buyer] * p.needs.hours, p.valuation.noise, dealRng);
    const cost = noisyValue(pop.hourCost[seller] * p.needs.hours, p.valuation.noise, dealRng);
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
      return;
    }
    trade.tick = tick;
    trade.buyer = buyer;
    trade.seller = seller;
    trade.category = category;
    trade.hours = search.amount;
    trade.value = value;
    trade.cost = cost;
    trade.price = outcome.price;
    choosePayment(trade, pop, dealRng, p.payment, this.parts.fiat.balances[buyer]);
    if (!settlement.settle(trade, p)) stats.unmet++;
  }
}

/** A private reservation value: `base` within ±noise, in whole minor units, at least 1. */
function noisyValue(base: number, noise: number, rng: Rng): number {
  return Math.max(1, Math.round(base * (1 + noise * (2 * rng.float32() - 1))));
}
