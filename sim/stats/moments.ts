/** Arithmetic mean; 0 for an empty sample. */
export function mean(values: ArrayLike<number>, n = values.length): number {
  if (n === 0) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  return s / n;
}

/** Population standard deviation (divides by n), two-pass for accuracy; 0 for an empty sample. */
export function sd(values: ArrayLike<number>, n = values.length): number {
  if (n === 0) return 0;
  const m = mean(values, n);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    ss += d * d;
  }
  return Math.sqrt(ss / n);
}

/** Pearson correlation of two samples of equal length; 0 when either is constant. */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>, n = x.length): number {
  const mx = mean(x, n);
  const my = mean(y, n);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}
