import type { Book } from '../../sim/ledger/book.js';
import type { Rng } from '../../sim/random/rng.js';

/**
 * The exchange rules and activation schemes of the kinetic-exchange model: one small loop per (activation, rule),
 * so that each hot loop stays monomorphic and small enough for the JIT to inline the ledger and generator calls.
 */

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

/**
 * Sweep × unit (the Mesa Boltzmann wealth model): every agent, in a fresh random order, gives `amount` if it can
 * to a taker drawn uniformly from all agents (itself included, as in Mesa: giving to oneself changes nothing).
 * The taker is drawn only when the giver can pay, so an agent that cannot act draws nothing.
 */
export function sweepUnit(money: Book, rng: Rng, order: Int32Array, amount: number): void {
  const n = order.length;
  rng.shuffle(order);
  for (let k = 0; k < n; k++) {
    const giver = order[k];
    if (money.canPay(giver, amount)) money.transfer(giver, rng.int(n), amount);
  }
}

/** Sweep × split: every agent, in a fresh random order, splits a pool with a partner drawn uniformly. */
export function sweepSplit(
  money: Book,
  rng: Rng,
  order: Int32Array,
  saving: number,
  debtLimit: number,
): void {
  const n = order.length;
  rng.shuffle(order);
  for (let k = 0; k < n; k++) splitPool(money, rng, order[k], rng.int(n), saving, debtLimit);
}

/** Random × unit (Dragulescu & Yakovenko 2000): n random pairs meet; a fair coin picks who gives `amount`. */
export function randomUnit(money: Book, rng: Rng, n: number, amount: number): void {
  for (let k = 0; k < n; k++) {
    const a = rng.int(n);
    let b = rng.int(n - 1);
    if (b >= a) b++;
    if (rng.nextU32() & 1) money.transfer(a, b, amount);
    else money.transfer(b, a, amount);
  }
}

/** Random × split: n random pairs meet and split their pooled wealth at random. */
export function randomSplit(money: Book, rng: Rng, n: number, saving: number, debtLimit: number): void {
  for (let k = 0; k < n; k++) {
    const a = rng.int(n);
    let b = rng.int(n - 1);
    if (b >= a) b++;
    splitPool(money, rng, a, b, saving, debtLimit);
  }
}
