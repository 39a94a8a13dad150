import { LedgerError } from './errors.js';

/**
 * The accounts of one currency: a balance per account in integer minor units (Float64Array: integers are
 * exact to 2^53). Every debit is checked against the account's limit: a balance may not fall below -limit.
 * - `backed` money has a closed supply: its total changes only through logged external flows
 *   (income, spending, fees, issuance, demurrage), so total = opening + inflows - outflows.
 * - `mutual-credit` money is created as matched credit and debit: no external flow, and the total is exactly 0.
 * Storage is Float64Array by default (exact to 2^53); `int32` halves the memory traffic of hot loops for
 * currencies whose balances provably stay within ±2^31 (a credit that would overflow throws LedgerError).
 */
export type CurrencyKind = 'backed' | 'mutual-credit';
export type BookStorage = 'float64' | 'int32';

const INT32_MAX = 2147483647;

export class Book {
  readonly balances: Float64Array | Int32Array;
  /** Largest balance the storage holds. */
  private readonly ceiling: number;
  /** Floor of every account without a limit of its own: -creditLimit. */
  private defaultFloor: number;
  /**
   * Per-account floors, allocated only once some account gets its own limit: int32 (a per-account limit is at
   * most 2^31 − 1 minor units), half the memory of float64 for an array read on every payment.
   */
  private floors: Int32Array | null = null;
  private opening = 0;
  private inflows = 0;
  private outflows = 0;
  /** Net external flow per flow id (positive: into the economy). */
  readonly flowTotals: number[] = [];

  constructor(
    readonly name: string,
    readonly kind: CurrencyKind,
    accounts: number,
    creditLimit = 0,
    readonly storage: BookStorage = 'float64',
  ) {
    checkAmount(creditLimit, 'creditLimit');
    this.balances = storage === 'int32' ? new Int32Array(accounts) : new Float64Array(accounts);
    this.ceiling = storage === 'int32' ? INT32_MAX : Number.MAX_SAFE_INTEGER;
    // 0 − x, not −x: a limit of 0 gives the floor +0, a small integer, where −0 would be a boxed heap number.
    this.defaultFloor = 0 - creditLimit;
  }

  get accounts(): number {
    return this.balances.length;
  }

  /** Default credit limit of accounts without one of their own. */
  get creditLimit(): number {
    return -this.defaultFloor;
  }

  set creditLimit(limit: number) {
    checkAmount(limit, 'credit limit');
    this.defaultFloor = 0 - limit;
  }

  /** Gives one account its own credit limit. */
  setLimit(account: number, limit: number): void {
    checkAmount(limit, 'credit limit');
    if (limit > INT32_MAX)
      throw new LedgerError(`a per-account credit limit is at most ${INT32_MAX} minor units (got ${limit})`);
    if (this.defaultFloor < -INT32_MAX)
      throw new LedgerError(
        `per-account credit limits need a default limit of at most ${INT32_MAX} minor units`,
      );
    if (!this.floors) this.floors = new Int32Array(this.balances.length).fill(this.defaultFloor);
    this.floors[account] = 0 - limit;
  }

  /** Lowest balance the account may reach (0 or negative). */
  floor(account: number): number {
    return this.floors === null ? this.defaultFloor : this.floors[account];
  }

  /** Sets an account's opening balance before the run starts (counted in the opening supply). */
  open(account: number, amount: number): void {
    if (this.kind === 'mutual-credit' && amount !== 0)
      throw new LedgerError(`${this.name} is mutual credit: accounts open at 0`);
    if (!Number.isSafeInteger(amount) || Math.abs(amount) > this.ceiling) {
      throw new LedgerError(`opening balance must be a whole number within ±${this.ceiling} (got ${amount})`);
    }
    this.opening += amount - this.balances[account];
    this.balances[account] = amount;
  }

  /** How much the account can pay without passing its limit. */
  available(account: number): number {
    return this.balances[account] - this.floor(account);
  }

  /** True if the account can pay `amount` without passing its limit. */
  canPay(account: number, amount: number): boolean {
    return this.balances[account] - amount >= this.floor(account);
  }

  /** Moves `amount` between accounts; refused (false, nothing moves) if it would pass the payer's limit. */
  transfer(from: number, to: number, amount: number): boolean {
    // One operation accepts any whole amount below 2^32; larger or odd ones take the full check.
    if (amount >>> 0 !== amount) checkAmount(amount, 'transfer');
    const b = this.balances;
    if (b[from] - amount < this.floor(from)) return false;
    if (b[to] > this.ceiling - amount) this.overflow(to, amount);
    b[from] -= amount;
    b[to] += amount;
    return true;
  }

  /** Money entering from outside (income, issuance), logged under flow id `flow`. */
  inflow(to: number, amount: number, flow: number): void {
    this.external(flow);
    checkAmount(amount, 'inflow');
    if (this.balances[to] > this.ceiling - amount) this.overflow(to, amount);
    this.balances[to] += amount;
    this.inflows += amount;
    this.flowTotals[flow] += amount;
  }

  /** Money leaving to outside (spending, fees, demurrage); refused (false) if it would pass the limit. */
  outflow(from: number, amount: number, flow: number): boolean {
    this.external(flow);
    checkAmount(amount, 'outflow');
    const b = this.balances;
    if (b[from] - amount < this.floor(from)) return false;
    b[from] -= amount;
    this.outflows += amount;
    this.flowTotals[flow] -= amount;
    return true;
  }

  /**
   * Money entering from outside into accounts 0 … amounts.length − 1, `amounts[i]` each (whole, ≥ 0), logged
   * under `flow`: one tight pass for a population-wide flow (incomes), same result as one `inflow` per account.
   */
  inflowEach(amounts: Int32Array | Float64Array, flow: number): void {
    this.external(flow);
    const sum = addEach(this.balances, amounts, this.ceiling);
    if (sum < 0) this.overflowOrBadAmount(amounts);
    this.inflows += sum;
    this.flowTotals[flow] += sum;
  }

  /**
   * Money leaving to outside from accounts 0 … count − 1: each positive balance pays ⌊balance × rate⌋ (0 ≤ rate
   * ≤ 1, so no account passes its limit), logged under `flow`. Outside spending, a wealth tax, demurrage.
   * Returns the total paid.
   */
  levy(rate: number, count: number, flow: number): number {
    this.external(flow);
    if (!(rate >= 0 && rate <= 1)) throw new LedgerError(`levy rate must lie in [0, 1] (got ${rate})`);
    const sum = levyEach(this.balances, rate, count);
    this.outflows += sum;
    this.flowTotals[flow] -= sum;
    return sum;
  }

  /**
   * Like `levy`, with a rate per account: each positive balance among the first `count` pays
   * ⌊balance × rates[i]⌋ (every rate in [0, 1]), logged under `flow`. Returns the total paid.
   */
  levyEach(rates: Float32Array | Float64Array, count: number, flow: number): number {
    this.external(flow);
    if (count > rates.length) throw new LedgerError(`levyEach: ${count} accounts but ${rates.length} rates`);
    const sum = levyByRate(this.balances, rates, count);
    if (sum < 0) throw new LedgerError('levyEach: every rate must lie in [0, 1]');
    this.outflows += sum;
    this.flowTotals[flow] -= sum;
    return sum;
  }

  /** Sum of all balances. */
  total(): number {
    const b = this.balances;
    let s = 0;
    for (let i = 0; i < b.length; i++) s += b[i];
    return s;
  }

  /** What the total should be: opening + inflows - outflows (always 0 for mutual credit). */
  expectedTotal(): number {
    return this.opening + this.inflows - this.outflows;
  }

  /** Actual minus expected total: exactly 0 while the books balance. */
  conservationError(): number {
    return this.total() - this.expectedTotal();
  }

  private overflow(account: number, amount: number): never {
    throw new LedgerError(
      `${this.name}: crediting ${amount} to account ${account} passes the ${this.storage} storage limit`,
    );
  }

  /** Names the first amount `addEach` refused: not a whole non-negative number, or one that overflows storage. */
  private overflowOrBadAmount(amounts: Int32Array | Float64Array): never {
    for (let i = 0; i < amounts.length; i++) {
      checkAmount(amounts[i], 'inflow');
      if (this.balances[i] > this.ceiling - amounts[i]) this.overflow(i, amounts[i]);
    }
    throw new LedgerError(`${this.name}: inflowEach refused an amount`);
  }

  private external(flow: number): void {
    if (this.kind === 'mutual-credit')
      throw new LedgerError(`${this.name} is mutual credit: no external flows`);
    if (!(flow >= 0 && flow < this.flowTotals.length)) throw new LedgerError(`unknown flow id ${flow}`);
  }
}

function checkAmount(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new LedgerError(`${what} must be a whole, non-negative number of minor units (got ${amount})`);
  }
}

// The bulk loops live outside the class, on locals only: V8 compiles them once and keeps them optimised (a method
// whose long loop is compiled on stack would deoptimise at every call on the field accesses after the loop).

/**
 * Adds amounts[i] to balances[i] in one pass; returns the sum, or −1 if an amount is bad or would overflow, with
 * every balance restored (nothing half-applied).
 */
function addEach(
  balances: Float64Array | Int32Array,
  amounts: Int32Array | Float64Array,
  ceiling: number,
): number {
  let sum = 0;
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i];
    if (!(amount >= 0 && amount === Math.floor(amount)) || balances[i] > ceiling - amount) {
      for (let j = 0; j < i; j++) balances[j] -= amounts[j];
      return -1;
    }
    balances[i] += amount;
    sum += amount;
  }
  return sum;
}

/** Takes ⌊balance × rates[i]⌋ from each positive balance among the first `count`; −1 (nothing taken) on a bad rate. */
function levyByRate(
  balances: Float64Array | Int32Array,
  rates: Float32Array | Float64Array,
  count: number,
): number {
  for (let i = 0; i < count; i++) if (!(rates[i] >= 0 && rates[i] <= 1)) return -1;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const balance = balances[i];
    if (balance <= 0) continue;
    const charge = Math.floor(balance * rates[i]);
    balances[i] = balance - charge;
    sum += charge;
  }
  return sum;
}

/** Takes ⌊balance × rate⌋ from each positive balance among the first `count`; returns the total taken. */
function levyEach(balances: Float64Array | Int32Array, rate: number, count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const balance = balances[i];
    if (balance <= 0) continue;
    const charge = Math.floor(balance * rate);
    balances[i] = balance - charge;
    sum += charge;
  }
  return sum;
}
