/**
 * Sorts a Float64Array ascending in O(n): a least-significant-digit radix sort on the IEEE-754 bit patterns. Each
 * value's pattern is mapped once to an unsigned key whose order is numeric order (negative: flip all bits;
 * positive: flip the sign bit), the keys are sorted 11 bits per pass (2,048 buckets, small enough for L1), the
 * counts of all six passes taken in one read of the keys, skipping passes in which every key shares the digit, and mapped back. Same order as
 * `Float64Array.prototype.sort` for finite values and ±Infinity (−0 before +0); NaN is not allowed.
 * `RadixSorter` keeps its buffers between calls (no allocation per sort once grown).
 */
const BITS = 11;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;
/** Digits of a 64-bit key: 6 × 11 bits. */
const PASSES = 6;

export class RadixSorter {
  private hi = new Uint32Array(0);
  private lo = new Uint32Array(0);
  private hi2 = new Uint32Array(0);
  private lo2 = new Uint32Array(0);
  /** counts[p × BUCKETS + d]: keys whose digit p is d, filled for every pass in one read of the keys. */
  private readonly counts = new Uint32Array(PASSES * BUCKETS);

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
    const counts = this.counts;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const h = bits[2 * i + 1];
      const negative = h >>> 31 === 1;
      const kh = negative ? ~h >>> 0 : (h ^ 0x80000000) >>> 0;
      const kl = negative ? ~bits[2 * i] >>> 0 : bits[2 * i];
      hi[i] = kh;
      lo[i] = kl;
      counts[kl & MASK]++;
      counts[BUCKETS + ((kl >>> 11) & MASK)]++;
      counts[2 * BUCKETS + (((kl >>> 22) | (kh << 10)) & MASK)]++;
      counts[3 * BUCKETS + ((kh >>> 1) & MASK)]++;
      counts[4 * BUCKETS + ((kh >>> 12) & MASK)]++;
      counts[5 * BUCKETS + (kh >>> 23)]++;
    }
    for (let pass = 0; pass < PASSES; pass++) {
      const base = pass * BUCKETS;
      const shift = pass * BITS;
      if (counts[base + digit(hi[0], lo[0], shift)] === n) continue; // every key has this digit
      startsOfBuckets(counts, base);
      for (let i = 0; i < n; i++) {
        const at = counts[base + digit(hi[i], lo[i], shift)]++;
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

/**
 * Sorts a Float32Array ascending, the same way on 32-bit keys: three passes of 11, 11 and 10 bits. For statistics
 * that single precision serves (a Gini changes by less than 1e-7), about 2.5× faster than sorting doubles.
 */
export class RadixSorter32 {
  private keys = new Uint32Array(0);
  private spare = new Uint32Array(0);
  private readonly counts = new Uint32Array(3 * BUCKETS);

  /** Sorts `values` in place and returns it. */
  sort<T extends Float32Array<ArrayBufferLike>>(values: T): T {
    const n = values.length;
    if (n < 256) return values.sort();
    if (this.keys.length < n) {
      this.keys = new Uint32Array(n);
      this.spare = new Uint32Array(n);
    }
    const bits = new Uint32Array(values.buffer, values.byteOffset, n);
    const counts = this.counts;
    counts.fill(0);
    let src = this.keys;
    let dst = this.spare;
    for (let i = 0; i < n; i++) {
      const b = bits[i];
      const k = b >>> 31 === 1 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
      src[i] = k;
      counts[k & MASK]++;
      counts[BUCKETS + ((k >>> 11) & MASK)]++;
      counts[2 * BUCKETS + (k >>> 22)]++;
    }
    for (let pass = 0; pass < 3; pass++) {
      const base = pass * BUCKETS;
      const shift = pass * BITS;
      if (counts[base + ((src[0] >>> shift) & MASK)] === n) continue; // every key has this digit
      startsOfBuckets(counts, base);
      for (let i = 0; i < n; i++) {
        const k = src[i];
        dst[counts[base + ((k >>> shift) & MASK)]++] = k;
      }
      [src, dst] = [dst, src];
    }
    for (let i = 0; i < n; i++) {
      const k = src[i];
      bits[i] = k >>> 31 === 1 ? k & 0x7fffffff : ~k;
    }
    return values;
  }
}

/** Turns one pass's bucket counts into the position where each bucket starts (an exclusive prefix sum). */
function startsOfBuckets(counts: Uint32Array, base: number): void {
  let sum = 0;
  for (let d = base; d < base + BUCKETS; d++) {
    const c = counts[d];
    counts[d] = sum;
    sum += c;
  }
}

/** Bits [shift, shift + 11) of a 64-bit key given as two 32-bit words. */
function digit(hi: number, lo: number, shift: number): number {
  if (shift >= 32) return (hi >>> (shift - 32)) & MASK;
  if (shift + BITS <= 32) return (lo >>> shift) & MASK;
  return ((lo >>> shift) | (hi << (32 - shift))) & MASK;
}
