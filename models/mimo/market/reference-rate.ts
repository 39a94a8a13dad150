/**
 * The historical reference rate of currency pairs: for each pair, the volume-weighted moving average of its
 * trade prices over the last `window` closed ticks,
 *
 *     rate = sum(price_i * quantity_i) / sum(quantity_i)   over the trades of those ticks,
 *
 * kept as a ring buffer of per-tick volume and value per pair (integer sums, so exact while below 2^53 and
 * free of drift). A window without trades carries the previous rate; before a pair's first trade its rate
 * is its initial rate (NaN if none was given: "no rate yet").
 *
 * Volatility is the population standard deviation of the log changes ln(rate_t / rate_t-1) over the last
 * `window` ticks, counting only ticks where both rates exist (a carried rate counts as a change of 0).
 *
 * Usage per tick: `record(pair, price, quantity)` for each trade, then `closeTick()` once; `rate(pair)` and
 * `volatility(pair)` then describe the closed ticks.
 */
export class ReferenceRate {
  private readonly volumes: Float64Array;
  private readonly values: Float64Array;
  private readonly sumVolume: Float64Array;
  private readonly sumValue: Float64Array;
  private readonly rates: Float64Array;
  private readonly changes: Float64Array;
  private readonly tickVolume: Float64Array;
  private readonly tickValue: Float64Array;
  /** Ring position of the tick being recorded. */
  private cursor = 0;
  /** Ticks closed so far. */
  ticks = 0;

  constructor(
    readonly pairs: number,
    readonly windowTicks: number,
    initial: number | ArrayLike<number> = NaN,
  ) {
    if (!Number.isInteger(pairs) || pairs < 1) throw new RangeError(`pairs: an integer >= 1 (got ${pairs})`);
    if (!Number.isInteger(windowTicks) || windowTicks < 1)
      throw new RangeError(`window: an integer >= 1 tick (got ${windowTicks})`);
    this.volumes = new Float64Array(pairs * windowTicks);
    this.values = new Float64Array(pairs * windowTicks);
    this.changes = new Float64Array(pairs * windowTicks).fill(NaN);
    this.sumVolume = new Float64Array(pairs);
    this.sumValue = new Float64Array(pairs);
    this.tickVolume = new Float64Array(pairs);
    this.tickValue = new Float64Array(pairs);
    this.rates = new Float64Array(pairs);
    for (let p = 0; p < pairs; p++) this.rates[p] = typeof initial === 'number' ? initial : initial[p];
  }

  /** Adds one trade of the current tick to a pair. */
  record(pair: number, price: number, quantity: number): void {
    this.tickVolume[pair] += quantity;
    this.tickValue[pair] += price * quantity;
  }

  /** Closes the current tick: rolls the window forward and updates every pair's rate and log change. */
  closeTick(): void {
    const w = this.windowTicks;
    const c = this.cursor;
    for (let p = 0; p < this.pairs; p++) {
      const at = p * w + c;
      // The slot at the cursor holds the tick that falls out of the window now.
      this.sumVolume[p] += this.tickVolume[p] - this.volumes[at];
      this.sumValue[p] += this.tickValue[p] - this.values[at];
      this.volumes[at] = this.tickVolume[p];
      this.values[at] = this.tickValue[p];
      this.tickVolume[p] = 0;
      this.tickValue[p] = 0;
      const before = this.rates[p];
      if (this.sumVolume[p] > 0) this.rates[p] = this.sumValue[p] / this.sumVolume[p];
      const after = this.rates[p];
      this.changes[at] = before > 0 && after > 0 ? Math.log(after / before) : NaN;
    }
    this.cursor = c + 1 === w ? 0 : c + 1;
    this.ticks++;
  }

  /** The pair's reference rate as of the last closed tick (quote per base; NaN before any rate). */
  rate(pair: number): number {
    return this.rates[pair];
  }

  /** Sets a pair's rate, e.g. a policy peg or an initial valuation; trades in the window override it. */
  setRate(pair: number, rate: number): void {
    this.rates[pair] = rate;
  }

  /** Traded quantity of a pair over the window of ticks. */
  windowVolume(pair: number): number {
    return this.sumVolume[pair];
  }

  /** Traded value (price x quantity) of a pair over the window of ticks. */
  windowValue(pair: number): number {
    return this.sumValue[pair];
  }

  /** Population sd of the log changes of the pair's rate over the window (0 with fewer than two). */
  volatility(pair: number): number {
    const w = this.windowTicks;
    let n = 0;
    let sum = 0;
    for (let i = p0(pair, w); i < p0(pair, w) + w; i++) {
      const x = this.changes[i];
      if (x === x) {
        n++;
        sum += x;
      }
    }
    if (n < 2) return 0;
    const m = sum / n;
    let ss = 0;
    for (let i = p0(pair, w); i < p0(pair, w) + w; i++) {
      const x = this.changes[i];
      if (x === x) ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / n);
  }
}

function p0(pair: number, window: number): number {
  return pair * window;
}
