/**
 * The hand-tight reference for the benchmark: the Boltzmann wealth model (sweep activation, unit rule)
 * written as one plain loop over an Int32Array with an inlined xoshiro128** generator. No engine, no
 * ledger: the speed the engine is measured against. With `measure`, it also computes the same 8 statistics
 * per tick by hand (one pass for sums, extremes and counts, a counting pass for the Gini), to separate the
 * engine's own cost from the cost of measuring; the checksum of those statistics is returned beside the wealth.
 */
export function plainBoltzmann(
  n: number,
  ticks: number,
  initialWealth: number,
  seed: number,
  measure = false,
): { wealth: Int32Array; checksum: number } {
  const total = n * initialWealth;
  const counts = measure ? new Int32Array(total + 1) : new Int32Array(0);
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
      if (w[a] > 0) {
        const b = Math.floor(next() * n * 2.3283064365386963e-10);
        w[a]--;
        w[b]++;
      }
    }
    if (measure) checksum += measureTick(w, counts, total);
  }
  return { wealth: w, checksum };
}

/** Sum, sd, extremes, share at zero and the Gini (by counting) of integer wealth in [0, total]; their sum. */
function measureTick(w: Int32Array, counts: Int32Array, total: number): number {
  const n = w.length;
  let sum = 0;
  let squares = 0;
  let max = 0;
  let min = total;
  let zero = 0;
  for (let i = 0; i < n; i++) {
    const v = w[i];
    sum += v;
    squares += v * v;
    if (v > max) max = v;
    if (v < min) min = v;
    if (v <= 0) zero++;
    counts[v]++;
  }
  let rank = 0;
  let weighted = 0;
  for (let v = min; v <= max; v++) {
    const c = counts[v];
    if (c === 0) continue;
    weighted += v * (c * rank + (c * (c + 1)) / 2);
    rank += c;
    counts[v] = 0;
  }
  const mean = sum / n;
  const gini = (2 * weighted) / (n * sum) - (n + 1) / n;
  return gini + Math.sqrt(squares / n - mean * mean) + max + min + zero / n;
}
