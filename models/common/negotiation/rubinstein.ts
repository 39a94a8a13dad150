/**
 * Subgame-perfect equilibrium shares of the alternating-offers game over a surplus of 1 (complete
 * information, per-round discount factors dFirst for the first mover, dSecond for the other). In equilibrium
 * the first mover proposes the share computed here and the other accepts at once.
 */

/**
 * Infinite horizon (Rubinstein 1982): the first mover keeps (1 - dSecond) / (1 - dFirst dSecond).
 * Undefined when both factors are 1 (every split is then an equilibrium); the params schema forbids that case.
 */
export function rubinsteinShare(dFirst: number, dSecond: number): number {
  const d = dFirst * dSecond;
  if (d >= 1) throw new RangeError('rubinsteinShare: both discount factors are 1, no unique equilibrium');
  return (1 - dSecond) / (1 - d);
}

/**
 * Finite horizon of `rounds` offers, breakdown (zero to both) after the last: backward induction from the last
 * proposer keeping everything, x_T = 1, x_t = 1 - d_responder(t) x_{t+1} (Ståhl 1972; the truncated game of
 * Rubinstein 1982). In closed form, with m = floor(T/2) and P = (dFirst dSecond)^m:
 * x_1 = (1 - dSecond)(1 - P) / (1 - dFirst dSecond), plus P when T is odd. Tends to `rubinsteinShare` as T grows.
 */
export function finiteHorizonShare(dFirst: number, dSecond: number, rounds: number): number {
  const odd = rounds % 2 === 1;
  const d = dFirst * dSecond;
  // Both patient: the last proposer takes all, so the first mover gets everything when it also moves last.
  if (d >= 1) return odd ? 1 : 0;
  const m = Math.floor(rounds / 2);
  const p = Math.pow(d, m);
  const share = ((1 - dSecond) * (1 - p)) / (1 - d);
  return odd ? share + p : share;
}
