/**
 * Sorts a Float64Array ascending in O(n): a least-significant-digit radix sort on the IEEE-754 bit patterns. Each
 * value's pattern is mapped once to an unsigned key whose order is numeric order (negative: flip all bits;
 * positive: flip the sign bit), the keys are sorted 11 bits per pass (2,048 buckets, small enough for L1),
 * skipping passes in which every key shares the digit, and mapped back. Same order as
 * `Float64Array.prototype.sort` for finite values and ±Infinity (−0 before +0); NaN is not allowed.
 * `RadixSorter` keeps its buffers between calls (no allocation per sort once grown).
 */
const BITS = 11;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;

export class RadixSorter {
  private hi = new Uint32Array(0);
  private lo = new Uint32Array(0);
  private hi2 = new Uint32Array(0);
  private lo2 = new Uint32Array(0);
  private readonly counts = new Uint32Array(BUCKETS);

  /** Sorts `values` in place and returns it. */
  sort<T extends Float64Array<ArrayBufferLike>>(values: T): T {
    const n = values.length;
    if (n < 256) return values.sort();
    if (this.hi.length < n) {
      this.hi = new Uint32Array(n);
      this.lo = new Uint32Array(n);
      this.hi2 = new Uint32Array(n);
      this.lo2 = new Uint32Array(n);
    }
    const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
    let { hi, lo, hi2, lo2 } = this;
    for (let i = 0; i < n; i++) {
      const h = bits[2 * i + 1];
      const negative = h >>> 31 === 1;
      hi[i] = negative ? ~h : h ^ 0x80000000;
      lo[i] = negative ? ~bits[2 * i] : bits[2 * i];
    }
    const counts = this.counts;
    for (let shift = 0; shift < 64; shift += BITS) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[digit(hi[i], lo[i], shift)]++;
      if (counts[digit(hi[0], lo[0], shift)] === n) continue; // every key has this digit
      let sum = 0;
      for (let d = 0; d < BUCKETS; d++) {
        const c = counts[d];
        counts[d] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const at = counts[digit(hi[i], lo[i], shift)]++;
        hi2[at] = hi[i];
        lo2[at] = lo[i];
      }
      [hi, hi2] = [hi2, hi];
      [lo, lo2] = [lo2, lo];
    }
    for (let i = 0; i < n; i++) {
      const negative = hi[i] >>> 31 === 0;
      bits[2 * i + 1] = negative ? ~hi[i] : hi[i] ^ 0x80000000;
      bits[2 * i] = negative ? ~lo[i] : lo[i];
    }
    return values;
  }
}

/** Bits [shift, shift + 11) of a 64-bit key given as two 32-bit words. */
function digit(hi: number, lo: number, shift: number): number {
  if (shift >= 32) return (hi >>> (shift - 32)) & MASK;
  if (shift + BITS <= 32) return (lo >>> shift) & MASK;
  return ((lo >>> shift) | (hi << (32 - shift))) & MASK;
}
