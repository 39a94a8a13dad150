/**
 * Pooled storage of resting orders: one slot per order in parallel typed arrays, recycled through a free
 * list, so placing and removing orders allocates nothing once the pool has grown to its working size.
 *
 * A handle names an order for the caller: `generation * SLOT_SPAN + slot`. The generation of a slot moves
 * on each time the slot is freed, so a stale handle (its order filled or cancelled, its slot reused) is
 * recognised as dead instead of touching someone else's order.
 */

/** Slots per pool at most (2^25); a handle's slot is `handle % SLOT_SPAN`. */
export const SLOT_SPAN = 33_554_432;
/** Generations wrap after 2^28 reuses of one slot, keeping handles below 2^53. */
const GENERATION_SPAN = 268_435_456;
/** No order (a handle that is never live, a link to nothing). */
export const NO_ORDER = -1;

export class OrderPool {
  /** Limit price of the order. */
  price: Float64Array;
  /** Quantity still open. */
  remaining: Float64Array;
  /** Opaque owner id given by the caller. */
  owner: Int32Array;
  /** 0 bid, 1 ask. */
  side: Uint8Array;
  /** Next (later) order at the same price level, or NO_ORDER; doubles as the free-list link. */
  next: Int32Array;
  /** Previous (earlier) order at the same price level, or NO_ORDER. */
  prev: Int32Array;
  /** 1 while the slot holds a resting order. */
  live: Uint8Array;
  private generation: Float64Array;
  private freeHead = NO_ORDER;
  /** Resting orders held. */
  size = 0;

  constructor(capacity: number) {
    const n = Math.min(SLOT_SPAN, Math.max(1, capacity | 0));
    this.price = new Float64Array(n);
    this.remaining = new Float64Array(n);
    this.owner = new Int32Array(n);
    this.side = new Uint8Array(n);
    this.next = new Int32Array(n);
    this.prev = new Int32Array(n);
    this.live = new Uint8Array(n);
    this.generation = new Float64Array(n);
    this.chainFree(0, n);
  }

  /** Takes a free slot (growing the pool if none is left) and fills it; returns the slot. */
  allocate(side: number, owner: number, price: number, quantity: number): number {
    if (this.freeHead === NO_ORDER) this.grow();
    const s = this.freeHead;
    this.freeHead = this.next[s];
    this.price[s] = price;
    this.remaining[s] = quantity;
    this.owner[s] = owner;
    this.side[s] = side;
    this.next[s] = NO_ORDER;
    this.prev[s] = NO_ORDER;
    this.live[s] = 1;
    this.size++;
    return s;
  }

  /** Returns a slot to the pool; every handle to it becomes stale. */
  free(s: number): void {
    this.live[s] = 0;
    this.remaining[s] = 0;
    this.generation[s] = (this.generation[s] + 1) % GENERATION_SPAN;
    this.next[s] = this.freeHead;
    this.prev[s] = NO_ORDER;
    this.freeHead = s;
    this.size--;
  }

  /** The handle of the order now in slot `s`. */
  handle(s: number): number {
    return this.generation[s] * SLOT_SPAN + s;
  }

  /** The slot of a live order's handle, or NO_ORDER if the handle is stale or malformed. */
  slot(handle: number): number {
    if (!Number.isInteger(handle) || handle < 0) return NO_ORDER;
    const s = handle % SLOT_SPAN;
    if (s >= this.live.length || this.live[s] === 0) return NO_ORDER;
    return this.generation[s] === (handle - s) / SLOT_SPAN ? s : NO_ORDER;
  }

  /** Slots the pool holds now (live and free). */
  get capacity(): number {
    return this.live.length;
  }

  private chainFree(from: number, to: number): void {
    // Lowest slot first, so a fresh pool hands out 0, 1, 2, ...
    for (let s = to - 1; s >= from; s--) {
      this.next[s] = this.freeHead;
      this.freeHead = s;
    }
  }

  private grow(): void {
    const old = this.live.length;
    if (old >= SLOT_SPAN) throw new RangeError(`order book full: ${SLOT_SPAN} resting orders`);
    const n = Math.min(SLOT_SPAN, old * 2);
    this.price = copy(this.price, new Float64Array(n));
    this.remaining = copy(this.remaining, new Float64Array(n));
    this.owner = copy(this.owner, new Int32Array(n));
    this.side = copy(this.side, new Uint8Array(n));
    this.next = copy(this.next, new Int32Array(n));
    this.prev = copy(this.prev, new Int32Array(n));
    this.live = copy(this.live, new Uint8Array(n));
    this.generation = copy(this.generation, new Float64Array(n));
    this.chainFree(old, n);
  }
}

function copy<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
