/**
 * The competitive benchmark of a one-unit-per-trader market: with values sorted high to low and costs low to
 * high, the k-th unit trades efficiently while value_k > cost_k, so the maximum surplus is the sum of those
 * differences and the equilibrium quantity q is their count. Any price in
 * [max(cost_q, value_q+1), min(value_q, cost_q+1)] (1-based, missing terms dropped) clears the market; the
 * equilibrium price is its midpoint.
 */
export interface Equilibrium {
  /** Efficient number of trades. */
  quantity: number;
  /** Largest total surplus any allocation can realise. */
  surplus: number;
  /** Midpoint of the market-clearing price interval. */
  price: number;
}

/**
 * The competitive equilibrium of buyers' `values` and sellers' `costs`, both sorted ASCENDING (lengths
 * nb and ns); writes into and returns `out`.
 */
export function equilibrium(
  values: ArrayLike<number>,
  nb: number,
  costs: ArrayLike<number>,
  ns: number,
  out: Equilibrium,
): Equilibrium {
  let q = 0;
  let surplus = 0;
  while (q < nb && q < ns) {
    const v = values[nb - 1 - q];
    const c = costs[q];
    if (v <= c) break;
    surplus += v - c;
    q++;
  }
  let low = -Infinity;
  let high = Infinity;
  if (q > 0) {
    low = costs[q - 1];
    high = values[nb - q];
  }
  if (q < nb) low = Math.max(low, values[nb - 1 - q]);
  if (q < ns) high = Math.min(high, costs[q]);
  out.quantity = q;
  out.surplus = surplus;
  out.price = (low + high) / 2;
  return out;
}
