/** Best-of-k wall time in seconds of `fn` (the least disturbed run on a shared machine). */
export function bestOf(k: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < k; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

/** Formats a rate in millions per second. */
export function millions(perSecond: number): string {
  return (perSecond / 1e6).toFixed(1).padStart(7);
}
