/**
 * The trades of one order submission, as parallel typed arrays that are reused from one submission to the
 * next (they grow by doubling while warming up, then never allocate again).
 */
export class TradeBuffer {
  /** How many trades the buffer holds (entries 0 .. count-1 are valid). */
  count = 0;
  /** Trade price: the price of the resting (maker) order. */
  price: Float64Array;
  /** Traded quantity (>= 1). */
  quantity: Float64Array;
  /** Owner id of the buying side. */
  buyer: Int32Array;
  /** Owner id of the selling side. */
  seller: Int32Array;
  /** Handle of the resting order that was hit (it may be gone now if it was filled completely). */
  maker: Float64Array;

  constructor(capacity = 16) {
    const n = Math.max(1, capacity | 0);
    this.price = new Float64Array(n);
    this.quantity = new Float64Array(n);
    this.buyer = new Int32Array(n);
    this.seller = new Int32Array(n);
    this.maker = new Float64Array(n);
  }

  /** Forgets every trade (keeps the storage). */
  clear(): void {
    this.count = 0;
  }

  /** Total quantity of the trades held. */
  volume(): number {
    let v = 0;
    for (let i = 0; i < this.count; i++) v += this.quantity[i];
    return v;
  }

  /** Appends one trade. */
  push(price: number, quantity: number, buyer: number, seller: number, maker: number): void {
    if (this.count === this.price.length) this.grow();
    const i = this.count++;
    this.price[i] = price;
    this.quantity[i] = quantity;
    this.buyer[i] = buyer;
    this.seller[i] = seller;
    this.maker[i] = maker;
  }

  private grow(): void {
    const n = this.price.length * 2;
    this.price = grown(this.price, new Float64Array(n));
    this.quantity = grown(this.quantity, new Float64Array(n));
    this.buyer = grown(this.buyer, new Int32Array(n));
    this.seller = grown(this.seller, new Int32Array(n));
    this.maker = grown(this.maker, new Float64Array(n));
  }
}

function grown<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
