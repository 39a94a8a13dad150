import { Ledger } from '../../../sim/ledger/ledger.js';
import type { Book } from '../../../sim/ledger/book.js';
import { HOUR, type MimoParams } from '../params.js';
import type { Population } from './population.js';

/**
 * The money of the economy: currency 0 is fiat (closed supply, changed only by logged gateway flows), currency
 * 1 + g is group g's cultural currency. Accounts 0 … n−1 are the members, n + g is group g's own account (fees,
 * mutual-credit demurrage), `escrow` = n + groups is the market's escrow (orders resting in a book), and the
 * `traders` accounts after it, from `arbitrageurs` on, are the market's arbitrage traders (outside agents, none by
 * default). Whatever counts members reads accounts 0 … n−1 only.
 */
export class Economy {
  readonly ledger: Ledger;
  readonly fiat: Book;
  /** currencies[c]: the book of currency c (0 = fiat). */
  readonly currencies: readonly Book[];
  readonly names: readonly string[];
  /** Per currency: 1 if mutual credit. */
  readonly mutualCredit: Uint8Array;
  readonly escrow: number;
  /** The first arbitrage trader's account; there are `traders` of them. */
  readonly arbitrageurs: number;
  readonly traders: number;
  /** Per group: mutual-credit demurrage collected in its account and not yet spent back (see upkeep.ts). */
  readonly demurragePot: Float64Array;
  readonly flows: {
    income: number;
    spending: number;
    cardFee: number;
    exchangeFee: number;
    issuance: number;
    demurrage: number;
    arbitrageCapital: number;
  };

  constructor(
    readonly population: Population,
    p: MimoParams,
  ) {
    const n = population.n;
    const groups = p.groups.length;
    this.escrow = n + groups;
    this.arbitrageurs = this.escrow + 1;
    this.traders = p.market.arbitrage.traders;
    this.demurragePot = new Float64Array(groups);
    this.ledger = new Ledger(this.arbitrageurs + this.traders, [
      { name: 'fiat', kind: 'backed' },
      ...p.groups.map((g) => ({
        name: g.name,
        kind: g.issuance === 'mutual-credit' ? ('mutual-credit' as const) : ('backed' as const),
      })),
    ]);
    this.currencies = this.ledger.books;
    this.fiat = this.currencies[0];
    this.names = this.currencies.map((b) => b.name);
    this.mutualCredit = Uint8Array.from(this.currencies, (b) => (b.kind === 'mutual-credit' ? 1 : 0));
    this.flows = {
      income: this.ledger.flow('income'),
      spending: this.ledger.flow('spending'),
      cardFee: this.ledger.flow('card_fee'),
      exchangeFee: this.ledger.flow('exchange_fee'),
      issuance: this.ledger.flow('issuance'),
      demurrage: this.ledger.flow('demurrage'),
      arbitrageCapital: this.ledger.flow('arbitrage_capital'),
    };
    // Group, escrow and arbitrage accounts never take credit: groups only receive, the escrow only pays out what it
    // holds (the model's invariants check both stay >= 0), and traders pay only what they hold.
    // Mutual credit is a line of credit among a group's members only: non-members (and the group, escrow and
    // arbitrage accounts) can pay only what they hold.
    p.groups.forEach((g, k) => {
      if (g.issuance !== 'mutual-credit' || g.creditLimit === 0) return;
      const limit = Math.round(g.creditLimit * HOUR);
      for (const i of population.groupMembers[k]) this.currencies[this.currencyOf(k)].setLimit(i, limit);
    });
    for (let i = 0; i < n; i++) this.fiat.open(i, population.openingFiat(i, p));
    // Arbitrage capital comes from outside the economy: a logged inflow, so fiat stays explained by its flows.
    const capital = p.market.arbitrage.capital;
    for (let a = 0; a < this.traders && capital > 0; a++)
      this.fiat.inflow(this.arbitrageurs + a, capital, this.flows.arbitrageCapital);
    // Fixed-issue groups hand every member its initial supply, logged as issuance.
    p.groups.forEach((g, k) => {
      if (g.issuance !== 'fixed' || g.initialSupply === 0) return;
      const book = this.currencies[this.currencyOf(k)];
      const amount = Math.round(g.initialSupply * HOUR);
      for (const i of population.groupMembers[k]) book.inflow(i, amount, this.flows.issuance);
    });
  }

  /** Number of currencies, fiat included. */
  get count(): number {
    return this.currencies.length;
  }

  /** The currency group `g` issues. */
  currencyOf(g: number): number {
    return 1 + g;
  }

  /** The group that issues cultural currency `c` (c ≥ 1). */
  groupOf(c: number): number {
    return c - 1;
  }

  /** Group `g`'s own account (fees, mutual-credit demurrage), in every book. */
  groupAccount(g: number): number {
    return this.population.n + g;
  }

  /** The members of the group that issues cultural currency `c` (c ≥ 1), in id order. */
  membersOf(c: number): Int32Array {
    return this.population.groupMembers[c - 1];
  }
}
