import { Ledger, type Book } from '../../../sim/ledger/ledger.js';

/** Accounts of AIS's own fiat book. */
const POOL = 0;
const FEES = 1;
const RESERVE = 2;

/**
 * Where data-sale money sits before it is paid out: AIS's own fiat book, outside the members' economy. Buyers'
 * payments and resale royalties enter the pool as logged inflows (`data_sales`, `data_royalties`); AIS moves its
 * fee to its fee account; dividends leave the pool as a logged outflow (`dividends`) that enters the members'
 * fiat as the matching logged inflow, or (dividends in a fixed-issue currency) the fiat moves to the reserve
 * account that backs the units issued. Both books stay exactly conserved.
 */
export class DividendPool {
  readonly book: Book;
  readonly salesFlow: number;
  readonly royaltiesFlow: number;
  readonly dividendsFlow: number;
  revenueCum = 0;
  feesCum = 0;

  constructor() {
    const ledger = new Ledger(3, [{ name: 'fiat', kind: 'backed' }]);
    this.book = ledger.books[0];
    this.salesFlow = ledger.flow('data_sales');
    this.royaltiesFlow = ledger.flow('data_royalties');
    this.dividendsFlow = ledger.flow('dividends');
  }

  /** Fiat in the pool (minor units). */
  get balance(): number {
    return this.book.balances[POOL];
  }

  /** Fiat held as reserve behind dividends paid in a fixed-issue currency. */
  get reserve(): number {
    return this.book.balances[RESERVE];
  }

  /** Takes a sale and its royalties in; AIS keeps floor(feeShare × both); returns the fee. */
  receive(sale: number, royalties: number, feeShare: number): number {
    if (sale > 0) this.book.inflow(POOL, sale, this.salesFlow);
    if (royalties > 0) this.book.inflow(POOL, royalties, this.royaltiesFlow);
    const fee = Math.floor((sale + royalties) * feeShare);
    if (fee > 0 && !this.book.transfer(POOL, FEES, fee))
      throw new Error('dividend pool: fee exceeds the pool');
    this.revenueCum += sale + royalties;
    this.feesCum += fee;
    return fee;
  }

  /** Pays `amount` out of the pool to the members (the caller credits them with the matching inflow). */
  payOut(amount: number): void {
    if (amount > 0 && !this.book.outflow(POOL, amount, this.dividendsFlow))
      throw new Error(`dividend pool: cannot pay ${amount} from ${this.balance}`);
  }

  /** Moves `amount` from the pool to the reserve (backing units issued as dividends). */
  toReserve(amount: number): void {
    if (amount > 0 && !this.book.transfer(POOL, RESERVE, amount))
      throw new Error(`dividend pool: cannot reserve ${amount} from ${this.balance}`);
  }
}
