/** Herfindahl–Hirschman index of shares: Σ (v_i / Σ v)^2, from 1/k (even) to 1 (one dominates); 0 if all zero. */
export function hhi(volumes: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < volumes.length; i++) total += volumes[i];
  if (total === 0) return 0;
  let h = 0;
  for (let i = 0; i < volumes.length; i++) {
    const s = volumes[i] / total;
    h += s * s;
  }
  return h;
}
