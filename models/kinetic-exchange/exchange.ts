import type { Book } from '../../sim/ledger/book.js';
import type { Rng } from '../../sim/random/rng.js';

/**
 * The exchange rules of the kinetic-exchange model. Each moves units between two accounts of the ledger's
 * currency 0 and touches nothing else; the activation schemes call them in their hot loops.
 */

/**
 * Unit rule: if `giver` can give `amount` without passing its floor, it gives it to a taker drawn uniformly
 * from all agents (itself included, as in Mesa; giving to oneself changes nothing). The draw happens only when
 * the giver can pay, so an agent that cannot act draws nothing.
 */
export function giveUnitToRandom(money: Book, rng: Rng, giver: number, n: number, amount: number): void {
  if (money.canPay(giver, amount)) money.transfer(giver, rng.int(n), amount);
}

/** Unit rule between a given pair: `giver` gives `amount` to `taker` if its balance stays at or above its floor. */
export function giveUnit(money: Book, giver: number, taker: number, amount: number): void {
  money.transfer(giver, taker, amount);
}

/**
 * Split rule (Chakraborti & Chakrabarti 2000, integer form): each keeps floor(saving · e) of its wealth above the
 * debt floor e = w + debtLimit, the rest is pooled, and a uniform integer k in [0, pool] goes to `a`, pool - k to `b`.
 */
export function splitPool(
  money: Book,
  rng: Rng,
  a: number,
  b: number,
  saving: number,
  debtLimit: number,
): void {
  if (a === b) return;
  const w = money.balances;
  const ea = w[a] + debtLimit;
  const eb = w[b] + debtLimit;
  const keptA = Math.floor(saving * ea);
  const keptB = Math.floor(saving * eb);
  const pool = ea - keptA + (eb - keptB);
  const toA = keptA + rng.int(pool + 1);
  const delta = ea - toA; // what a pays b (negative: b pays a)
  if (delta > 0) money.transfer(a, b, delta);
  else if (delta < 0) money.transfer(b, a, -delta);
}
