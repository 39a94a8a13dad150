/**
 * Best-of-k wall seconds of each of several jobs, timed in turns (one of each per round) rather than k of one and
 * then k of the next: this machine's speed drifts by 10–30% over minutes, and a ratio of two jobs timed minutes
 * apart measures the drift. A job returns nothing (it is timed here) or its own seconds (e.g. processes' wall time).
 */
export async function bestOfEach<K extends string>(
  k: number,
  jobs: Record<K, () => void | number | Promise<number>>,
): Promise<Record<K, number>> {
  const names = Object.keys(jobs) as K[];
  const best = Object.fromEntries(names.map((name) => [name, Infinity])) as Record<K, number>;
  for (let round = 0; round < k; round++) {
    for (const name of names) {
      const t0 = performance.now();
      const own = await jobs[name]();
      const seconds = typeof own === 'number' ? own : (performance.now() - t0) / 1000;
      best[name] = Math.min(best[name], seconds);
    }
  }
  return best;
}

/** Formats a rate in millions per second. */
export function millions(perSecond: number): string {
  return (perSecond / 1e6).toFixed(1).padStart(7);
}
