import type { Rng } from '../random/rng.js';

/** Ids per block: the granularity of a window (a window is a whole number of blocks). */
export const BLOCK = 256;
const SHIFT = 8;

/** Blocks on either side of the centre's block that make a window of at least `reach` ids (0: the whole ring). */
export function halfWindow(reach: number): number {
  return reach <= 0 ? 0x3fffffff : Math.max(0, Math.ceil((reach / BLOCK - 1) / 2));
}

/**
 * A sorted list of agent ids (a subset of 0 … n−1) seen as points on a ring of n ids, indexed so that a uniformly
 * random entry within a window of ids around any centre is drawn in O(1): ids fall into blocks of `BLOCK`
 * consecutive ids, `start[b]` is the position of the first entry in block b, and a window is the centre's block
 * with `half` blocks on either side (wrapping around the ring). A window that covers the ring is the whole list.
 *
 * Why: agents drawn independently carry no meaning in their ids, so a window is a random sample of the population
 * (a local market); and drawing near the centre keeps a sweep over centres within the cache.
 */
export class RingList {
  /** Entries in use: `ids[0 … length)`. */
  length = 0;
  private readonly start: Int32Array;
  private readonly blocks: number;

  /** `ids[0 … length)` must be strictly increasing, each in [0, n). */
  constructor(
    readonly ids: Int32Array,
    n: number,
    length = ids.length,
  ) {
    this.blocks = Math.max(1, Math.ceil(n / BLOCK));
    this.start = new Int32Array(this.blocks + 1);
    this.reindex(length);
  }

  /** Takes `ids[0 … length)` as the list after the caller rewrote it (same rules), without allocating. */
  reindex(length: number): void {
    if (!(length >= 0 && length <= this.ids.length)) throw new RangeError(`RingList: bad length ${length}`);
    this.length = length;
    const ids = this.ids;
    let k = 0;
    for (let b = 0; b <= this.blocks; b++) {
      while (k < length && ids[k] >>> SHIFT < b) k++;
      this.start[b] = k;
    }
  }

  /** A uniformly random id within `half` blocks of `centre`'s block, or −1 if the window holds none. */
  pick(centre: number, half: number, rng: Rng): number {
    const ids = this.ids;
    const blocks = this.blocks;
    if (2 * half + 1 >= blocks) return this.length === 0 ? -1 : ids[rng.int(this.length)];
    const start = this.start;
    const lo = (centre >>> SHIFT) - half;
    const hi = (centre >>> SHIFT) + half + 1; // exclusive
    if (lo >= 0 && hi <= blocks) {
      const count = start[hi] - start[lo];
      return count === 0 ? -1 : ids[start[lo] + rng.int(count)];
    }
    // The window wraps: [from, end of list) followed by [0, to).
    const from = start[lo < 0 ? lo + blocks : lo];
    const to = start[hi > blocks ? hi - blocks : hi];
    const tail = this.length - from;
    const count = tail + to;
    if (count === 0) return -1;
    const k = rng.int(count);
    return k < tail ? ids[from + k] : ids[k - tail];
  }
}
