/**
 * Counts of integer values over their range, reused tick after tick without allocating: it counts into the
 * window of the previous fill in one pass, and only when a value falls outside does it measure the new range
 * and count again. Gives the Gini coefficient and order statistics of integer wealth in O(n + range) instead
 * of a sort: the hot path of wealth metrics on a million agents.
 *
 * When the values spread over far more integers than there are values (say 3 agents holding up to 1e9), a
 * window would cost memory in proportion to the range: then it sorts a copy of the values instead, O(n log n)
 * with memory in proportion to n, and every statistic is the same function of the values.
 */
export class IntegerHistogram {
  /** counts[k] = how many values equal base + k. */
  counts = new Float64Array(64);
  base = 0;
  min = 0;
  max = 0;
  n = 0;
  total = 0;
  /** The values sorted, when their range is too wide for a window (see the class comment); null otherwise. */
  private sorted: Float64Array | null = null;

  /** Counts `values[0..n)`, which must be integers. */
  fill(values: ArrayLike<number>, n = values.length): this {
    this.n = n;
    if (n === 0) {
      this.min = this.max = this.total = 0;
      return this;
    }
    if (this.sorted === null && this.countInWindow(values, n)) return this;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const range = max - min + 1;
    if (range > wideRange(n)) return this.fillSorted(values, n, min, max);
    this.sorted = null;
    // A window with room to spare on both sides, so that the next fills stay in one pass.
    const size = Math.max(64, 2 * range);
    if (this.counts.length < size) this.counts = new Float64Array(size);
    this.base = min - Math.floor((this.counts.length - range) / 2);
    this.countInWindow(values, n);
    return this;
  }

  private fillSorted(values: ArrayLike<number>, n: number, min: number, max: number): this {
    if (this.sorted === null || this.sorted.length < n) this.sorted = new Float64Array(n);
    const sorted = this.sorted.subarray(0, n);
    let total = 0;
    for (let i = 0; i < n; i++) total += sorted[i] = values[i];
    sorted.sort();
    this.min = min;
    this.max = max;
    this.total = total;
    return this;
  }

  /** One pass: counts every value if all fall in the current window; false (counts invalid) otherwise. */
  private countInWindow(values: ArrayLike<number>, n: number): boolean {
    const counts = this.counts;
    const size = counts.length;
    const base = this.base;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const k = values[i] - base;
      if (!(k >= 0 && k < size)) return false;
      counts[k]++;
    }
    // Range and total from the counts: a short scan instead of more work per value.
    let lo = 0;
    while (counts[lo] === 0) lo++;
    let hi = size - 1;
    while (counts[hi] === 0) hi--;
    let total = 0;
    for (let k = lo; k <= hi; k++) total += counts[k] * (base + k);
    this.min = base + lo;
    this.max = base + hi;
    this.total = total;
    return true;
  }

  /** Gini coefficient, identical to `gini()` on the same values. */
  gini(): number {
    const { n, total, counts, base } = this;
    if (n === 0 || total === 0) return 0;
    if (this.sorted) {
      let weighted = 0;
      for (let i = 0; i < n; i++) weighted += this.sorted[i] * (i + 1);
      return (2 * weighted) / (n * total) - (n + 1) / n;
    }
    let rank = 0;
    let weighted = 0;
    for (let k = this.min - base; k <= this.max - base; k++) {
      const c = counts[k];
      if (c === 0) continue;
      // ranks rank+1 .. rank+c all hold the value base + k
      weighted += (base + k) * (c * rank + (c * (c + 1)) / 2);
      rank += c;
    }
    return (2 * weighted) / (n * total) - (n + 1) / n;
  }

  /** Mean of the counted values. */
  mean(): number {
    return this.n === 0 ? 0 : this.total / this.n;
  }

  /** Population standard deviation of the counted values. */
  sd(): number {
    if (this.n === 0) return 0;
    const m = this.mean();
    let ss = 0;
    if (this.sorted) {
      for (let i = 0; i < this.n; i++) ss += (this.sorted[i] - m) ** 2;
      return Math.sqrt(ss / this.n);
    }
    for (let k = this.min - this.base; k <= this.max - this.base; k++) {
      const c = this.counts[k];
      if (c !== 0) ss += c * (this.base + k - m) ** 2;
    }
    return Math.sqrt(ss / this.n);
  }

  /** Number of values <= v. */
  countAtMost(v: number): number {
    if (this.n === 0 || v < this.min) return 0;
    if (v >= this.max) return this.n;
    if (this.sorted) {
      let lo = 0;
      let hi = this.n; // first index with a value > v, by bisection
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.sorted[mid] <= v) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }
    let c = 0;
    for (let k = this.min - this.base; k <= v - this.base; k++) c += this.counts[k];
    return c;
  }
}

/** A range of integers above which counting them costs more than sorting the values: the window's memory. */
function wideRange(n: number): number {
  return 1024 + 16 * n;
}
