import { NO_ORDER } from './order-pool.js';

/**
 * The price levels of one side of a book, kept sorted with the best level LAST (so taking out the best
 * level, the common case, shifts nothing). Each level holds its price, its total open quantity and the
 * head and tail of a FIFO list of order slots (the links live in the OrderPool).
 *
 * Levels are sorted by a key that rises towards the best price: the price itself for bids, minus the price
 * for asks.
 */
export class PriceLadder {
  /** Levels held; the best is at index count - 1. */
  count = 0;
  key: Float64Array;
  quantity: Float64Array;
  head: Int32Array;
  tail: Int32Array;

  /** `sign` is +1 for bids (higher is better), -1 for asks (lower is better). */
  constructor(
    readonly sign: 1 | -1,
    capacity = 64,
  ) {
    const n = Math.max(1, capacity | 0);
    this.key = new Float64Array(n);
    this.quantity = new Float64Array(n);
    this.head = new Int32Array(n);
    this.tail = new Int32Array(n);
  }

  /** The price of level `i`. */
  price(i: number): number {
    return this.sign * this.key[i];
  }

  /** The index of the level at `price`, or -(insertion point) - 1 when there is none (binary search). */
  find(price: number): number {
    const k = this.sign * price;
    let lo = 0;
    let hi = this.count - 1;
    // Most activity is near the best level, so look there first.
    if (hi >= 0 && this.key[hi] === k) return hi;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const m = this.key[mid];
      if (m < k) lo = mid + 1;
      else if (m > k) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  /** Opens an empty level at `price` at insertion point `at` (from `find`); returns its index. */
  insert(at: number, price: number): number {
    if (this.count === this.key.length) this.grow();
    for (let i = this.count; i > at; i--) {
      this.key[i] = this.key[i - 1];
      this.quantity[i] = this.quantity[i - 1];
      this.head[i] = this.head[i - 1];
      this.tail[i] = this.tail[i - 1];
    }
    this.key[at] = this.sign * price;
    this.quantity[at] = 0;
    this.head[at] = NO_ORDER;
    this.tail[at] = NO_ORDER;
    this.count++;
    return at;
  }

  /** Removes level `i` (it must be empty). */
  remove(i: number): void {
    this.count--;
    for (let j = i; j < this.count; j++) {
      this.key[j] = this.key[j + 1];
      this.quantity[j] = this.quantity[j + 1];
      this.head[j] = this.head[j + 1];
      this.tail[j] = this.tail[j + 1];
    }
  }

  private grow(): void {
    const n = this.key.length * 2;
    const key = new Float64Array(n);
    const quantity = new Float64Array(n);
    const head = new Int32Array(n);
    const tail = new Int32Array(n);
    key.set(this.key);
    quantity.set(this.quantity);
    head.set(this.head);
    tail.set(this.tail);
    this.key = key;
    this.quantity = quantity;
    this.head = head;
    this.tail = tail;
  }
}
