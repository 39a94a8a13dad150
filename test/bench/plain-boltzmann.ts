/**
 * The hand-tight reference for the benchmark: the Boltzmann wealth model (sweep activation, unit rule)
 * written as one plain loop over an Int32Array with an inlined xoshiro128** generator. No engine, no
 * ledger: the speed the engine is measured against. `measure` adds the same 8 statistics per tick, by hand:
 * - `recount`: counted from the wealth at the end of each tick (one pass over the agents, the statistics from the
 *   counts), as the engine does, to separate the engine's own cost from the cost of measuring;
 * - `tracked`: from a histogram of wealth kept up to date by every transfer (the giver's and the taker's counts
 *   each move one bucket), read at the end of each tick: the alternative to the pass, measured beside it.
 * The checksum of those statistics is returned beside the wealth (the two ways give the same).
 */
export type Measure = 'none' | 'recount' | 'tracked';

export function plainBoltzmann(
  n: number,
  ticks: number,
  initialWealth: number,
  seed: number,
  measure: Measure = 'none',
): { wealth: Int32Array; checksum: number } {
  const total = n * initialWealth;
  const tracked = measure === 'tracked';
  const counts = measure === 'none' ? new Int32Array(0) : new Int32Array(total + 1);
  if (tracked) counts[initialWealth] = n;
  let top = initialWealth; // tracked: no wealth lies above it
  let checksum = 0;
  const w = new Int32Array(n).fill(initialWealth);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let s0 = seed | 0 || 1;
  let s1 = 0x9e3779b9 | 0;
  let s2 = 0x243f6a88 | 0;
  let s3 = 0xb7e15162 | 0;
  const next = (): number => {
    const x = Math.imul(s1, 5);
    const r = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return r;
  };
  for (let t = 0; t < ticks; t++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1) * 2.3283064365386963e-10);
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    for (let k = 0; k < n; k++) {
      const a = order[k];
      const wa = w[a];
      if (wa > 0) {
        const b = Math.floor(next() * n * 2.3283064365386963e-10);
        w[a] = wa - 1;
        const wb = w[b];
        w[b] = wb + 1;
        if (tracked) {
          counts[wa]--;
          counts[wa - 1]++;
          counts[wb]--;
          counts[wb + 1]++;
          if (wb + 1 > top) top = wb + 1;
        }
      }
    }
    if (tracked) {
      while (counts[top] === 0) top--;
      checksum += readCounts(counts, n, top);
    } else if (measure === 'recount') checksum += measureTick(w, counts, total);
  }
  return { wealth: w, checksum };
}

/** Sum, sd, extremes, share at zero and the Gini (by counting) of integer wealth in [0, total]; their sum. */
function measureTick(w: Int32Array, counts: Int32Array, total: number): number {
  const n = w.length;
  let max = 0;
  let min = total;
  for (let i = 0; i < n; i++) {
    const v = w[i];
    if (v > max) max = v;
    if (v < min) min = v;
    counts[v]++;
  }
  const checksum = readCounts(counts, n, max);
  counts.fill(0, min, max + 1);
  return checksum;
}

/** The 8 statistics of the wealth counted in `counts[0..max]` (n values, the largest `max`); their sum. */
function readCounts(counts: Int32Array, n: number, max: number): number {
  let min = 0;
  while (counts[min] === 0) min++;
  let sum = 0;
  let squares = 0;
  let rank = 0;
  let weighted = 0;
  for (let v = min; v <= max; v++) {
    const c = counts[v];
    if (c === 0) continue;
    sum += c * v;
    squares += c * v * v;
    weighted += v * (c * rank + (c * (c + 1)) / 2);
    rank += c;
  }
  const mean = sum / n;
  const gini = (2 * weighted) / (n * sum) - (n + 1) / n;
  return gini + Math.sqrt(squares / n - mean * mean) + max + min + counts[0] / n;
}
