import type { Book } from '../../../sim/ledger/book.js';
import { giniOfSorted } from '../../../sim/stats/gini.js';
import type { Rng } from '../../../sim/random/rng.js';
import type { Ais } from './ais.js';
import type { InfoGoodsParams } from './params.js';
import { HOUR } from '../params.js';
import type { Population } from '../economy/population.js';

/**
 * Splits `amount` (whole minor units) among `k` goods in proportion to `weights[0..k)` by largest remainder
 * (ties to the lower index), writing integers that sum to `amount` into `out[0..k)`; `remainder` is scratch of
 * at least k slots. All weights 0: nothing is split (returns 0). Returns the amount split.
 */
export function flattrSplit(
  amount: number,
  weights: Float64Array,
  k: number,
  out: Float64Array,
  remainder: Float64Array,
): number {
  let total = 0;
  for (let j = 0; j < k; j++) total += weights[j];
  out.fill(0, 0, k);
  if (!(total > 0) || amount <= 0) return 0;
  let left = amount;
  for (let j = 0; j < k; j++) {
    const quota = (amount * weights[j]) / total;
    out[j] = Math.floor(quota);
    remainder[j] = quota - out[j];
    left -= out[j];
  }
  // At most k − 1 units are left (float error aside): one each to the largest remainders.
  while (left > 0) {
    let best = 0;
    for (let j = 1; j < k; j++) if (remainder[j] > remainder[best]) best = j;
    out[best]++;
    remainder[best] = -1;
    left--;
  }
  return amount;
}

/**
 * Information goods, used not consumed. `goods` goods each have a producer and a context (a service category),
 * drawn at the start from the users: the members of the group whose currency pays for them. Each tick each user
 * makes Poisson(`usesPerTick`) uses; a use picks good g with chance ∝ baseAppeal + value_g (popular goods are used
 * more) and is tracked by AIS. A use in context (the user works in the good's category) weighs 1, out of context
 * `outOfContext`. A good's value follows its use: value ← (1 − decay) × value + weighted uses this tick, so it
 * rises with use and fades without. Every `period` ticks each user's budget (hours, or what it can pay within its
 * limit) is split among the goods it used in proportion to its weighted uses (Flattr), by largest remainder, and
 * paid to their producers in the group's currency. Producers' own uses are not counted. Struct of arrays, no
 * allocation per tick (the use log grows by doubling).
 */
export class InfoGoods {
  readonly producer: Int32Array;
  readonly category: Int32Array;
  readonly value: Float64Array;
  usesThisTick = 0;
  paymentsCum = 0;
  unpaidUsers = 0;
  private readonly weightTick: Float64Array;
  private readonly cumulative: Float64Array;
  private readonly users: Int32Array;
  // Payout scratch: per-user grouping of the use log and per-good accumulation.
  private readonly start: Int32Array;
  private order = new Int32Array(0);
  private readonly goodStamp: Int32Array;
  private readonly goodSlot: Int32Array;
  private readonly distinct: Int32Array;
  private readonly splitWeights: Float64Array;
  private readonly splitOut: Float64Array;
  private readonly splitRemainder: Float64Array;

  constructor(
    private readonly population: Population,
    private readonly ais: Ais,
    private readonly book: Book,
    users: Int32Array,
    goods: number,
    private readonly rng: Rng,
    categories: number,
  ) {
    const g = goods;
    this.users = users;
    this.producer = new Int32Array(g);
    this.category = new Int32Array(g);
    this.value = new Float64Array(g);
    this.weightTick = new Float64Array(g);
    this.cumulative = new Float64Array(g);
    this.goodStamp = new Int32Array(g).fill(-1);
    this.goodSlot = new Int32Array(g);
    this.distinct = new Int32Array(g);
    this.splitWeights = new Float64Array(g);
    this.splitOut = new Float64Array(g);
    this.splitRemainder = new Float64Array(g);
    this.start = new Int32Array(population.n + 1);
    for (let j = 0; j < g; j++) {
      this.producer[j] = users.length > 0 ? users[rng.int(users.length)] : 0;
      this.category[j] = rng.int(categories);
    }
  }

  /** One tick of uses; on a period's last tick, the Flattr payout. */
  endTick(tick: number, p: InfoGoodsParams): void {
    const { value, cumulative, weightTick, producer, category, users, rng, ais } = this;
    const skills = this.population.skills;
    const g = value.length;
    const { baseAppeal, outOfContext, decay, usesPerTick } = p;
    const threshold = Math.exp(-usesPerTick);
    let sum = 0;
    for (let j = 0; j < g; j++) cumulative[j] = sum += baseAppeal + value[j];
    this.usesThisTick = 0;
    if (sum > 0 && users.length > 0) {
      for (let k = 0; k < users.length; k++) {
        const user = users[k];
        for (let u = rng.float(); u > threshold; u *= rng.float()) {
          const good = pick(cumulative, rng.float() * sum);
          if (producer[good] === user) continue;
          const inContext = (skills[user] & (1 << category[good])) !== 0;
          const weight = inContext ? 1 : outOfContext;
          ais.recordUse(user, good, inContext, weight);
          weightTick[good] += weight;
          this.usesThisTick++;
        }
      }
    }
    for (let j = 0; j < g; j++) {
      value[j] = (1 - decay) * value[j] + weightTick[j];
      weightTick[j] = 0;
    }
    if (tick % p.period === 0) this.payout(p.budget);
  }

  /** Gini of the goods' values: how concentrated use has become (0: all used alike). */
  valueGini(): number {
    const s = this.splitRemainder;
    s.set(this.value);
    s.sort();
    return giniOfSorted(s);
  }

  /** Each user's budget split among the goods it used this period, paid to their producers; the log is cleared. */
  private payout(budgetHours: number): void {
    const log = this.ais.uses;
    const n = this.population.n;
    const len = log.length;
    if (this.order.length < len) this.order = new Int32Array(Math.max(len, 2 * this.order.length));
    const { start, order, goodStamp, goodSlot, distinct, splitWeights, splitOut, splitRemainder } = this;
    // Counting sort of the period's uses by user.
    start.fill(0);
    for (let r = 0; r < len; r++) start[log.member[r] + 1]++;
    for (let m = 0; m < n; m++) start[m + 1] += start[m];
    for (let r = 0; r < len; r++) order[start[log.member[r]]++] = r;
    for (let m = n; m > 0; m--) start[m] = start[m - 1];
    start[0] = 0;
    const budget = Math.round(budgetHours * HOUR);
    for (let m = 0; m < n; m++) {
      if (start[m] === start[m + 1]) continue;
      let k = 0;
      for (let i = start[m]; i < start[m + 1]; i++) {
        const r = order[i];
        const good = log.group[r];
        if (goodStamp[good] !== m) {
          goodStamp[good] = m;
          goodSlot[good] = k;
          distinct[k] = good;
          splitWeights[k++] = 0;
        }
        splitWeights[goodSlot[good]] += log.value[r];
      }
      const amount = Math.min(budget, Math.max(0, this.book.available(m)));
      if (amount < budget) this.unpaidUsers++;
      flattrSplit(amount, splitWeights, k, splitOut, splitRemainder);
      for (let j = 0; j < k; j++) {
        const paid = splitOut[j];
        if (paid > 0 && this.book.transfer(m, this.producer[distinct[j]], paid)) this.paymentsCum += paid;
      }
    }
    goodStamp.fill(-1);
    log.clear();
  }
}

/** First index whose cumulative weight exceeds `x` (binary search). */
function pick(cumulative: Float64Array, x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
