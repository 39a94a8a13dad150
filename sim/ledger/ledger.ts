import { Book, type CurrencyKind } from './book.js';
import { LedgerError } from './errors.js';

export { Book, type CurrencyKind } from './book.js';
export { LedgerError } from './errors.js';

export interface CurrencySpec {
  /** Short name used in metrics and outputs, e.g. `fiat`, `hours`. */
  readonly name: string;
  readonly kind: CurrencyKind;
  /** Default credit limit of every account in minor units (>= 0): a balance may go down to -creditLimit. */
  readonly creditLimit?: number;
}

/**
 * Exact accounting for a set of accounts in several currencies: one `Book` per currency, plus the named
 * external flows (income, fees, issuance...) whose totals explain every change of a backed currency's supply.
 */
export class Ledger {
  readonly books: readonly Book[];
  private readonly flowNames: string[] = [];

  constructor(
    readonly accounts: number,
    currencies: readonly CurrencySpec[],
  ) {
    if (!Number.isInteger(accounts) || accounts < 0) throw new LedgerError('accounts must be a whole number');
    const names = new Set<string>();
    this.books = currencies.map((c) => {
      if (names.has(c.name)) throw new LedgerError(`currency ${c.name} is declared twice`);
      names.add(c.name);
      return new Book(c.name, c.kind, accounts, c.creditLimit ?? 0);
    });
  }

  /** The book of a currency by name. */
  book(name: string): Book {
    const book = this.books.find((b) => b.name === name);
    if (!book) throw new LedgerError(`no currency named ${name}`);
    return book;
  }

  /** Registers (or finds) a named external flow such as `income` or `card_fee`; returns its id. */
  flow(name: string): number {
    let id = this.flowNames.indexOf(name);
    if (id < 0) {
      id = this.flowNames.length;
      this.flowNames.push(name);
      for (const b of this.books) b.flowTotals.push(0);
    }
    return id;
  }

  /** Net external flow per named flow in a currency (positive: into the economy). */
  flows(currency: string): Record<string, number> {
    const book = this.book(currency);
    return Object.fromEntries(this.flowNames.map((name, id) => [name, book.flowTotals[id]]));
  }

  /** The first currency whose books do not balance, with the difference; null when all do. */
  imbalance(): { currency: string; error: number } | null {
    for (const b of this.books) {
      const error = b.conservationError();
      if (error !== 0) return { currency: b.name, error };
    }
    return null;
  }
}
