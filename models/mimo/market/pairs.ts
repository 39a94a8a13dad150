/**
 * The unordered pairs {a, b} of C currencies (currency 0 is fiat), numbered 0 .. C(C-1)/2 - 1 in the order
 * (0,1), (0,2), ..., (0,C-1), (1,2), ... In pair {a, b} with a < b, the base currency is b and the quote
 * currency is a: prices of every currency against fiat are quoted in fiat, and between two cultural
 * currencies in the lower-numbered one.
 */
export class CurrencyPairs {
  /** Number of pairs, C(C-1)/2. */
  readonly count: number;
  /** Base currency of each pair (the higher number). */
  readonly base: Int32Array;
  /** Quote currency of each pair (the lower number). */
  readonly quote: Int32Array;
  private readonly lookup: Int32Array;

  constructor(readonly currencies: number) {
    if (!Number.isInteger(currencies) || currencies < 1 || currencies > 4096)
      throw new RangeError(`currencies: an integer in [1, 4096] (got ${currencies})`);
    const c = currencies;
    this.count = (c * (c - 1)) / 2;
    this.base = new Int32Array(this.count);
    this.quote = new Int32Array(this.count);
    this.lookup = new Int32Array(c * c).fill(-1);
    let k = 0;
    for (let a = 0; a < c; a++) {
      for (let b = a + 1; b < c; b++) {
        this.quote[k] = a;
        this.base[k] = b;
        this.lookup[a * c + b] = k;
        this.lookup[b * c + a] = k;
        k++;
      }
    }
  }

  /** The pair of currencies `a` and `b` in either order; throws if a === b or either is out of range. */
  index(a: number, b: number): number {
    const c = this.currencies;
    const k = a >= 0 && b >= 0 && a < c && b < c ? this.lookup[a * c + b] : -1;
    if (k < 0) throw new RangeError(`no pair of currencies ${a} and ${b} among ${c}`);
    return k;
  }
}

/** Number of unordered pairs of `currencies` currencies. */
export function pairCount(currencies: number): number {
  return (currencies * (currencies - 1)) / 2;
}
