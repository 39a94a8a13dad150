/**
 * One released statistic, exactly as a data buyer receives it (and as `released.jsonl` stores it): labels and
 * numbers only. It never carries a member id, a member pseudonym, or a member count (a count would leak outside
 * the epsilon accounting; the buyer knows only that the cell had at least k members).
 */
export interface ReleasedCell {
  /** The buyer's own label. */
  readonly buyer: string;
  /** AIS's sequence number of the query (1, 2, ...). */
  readonly query: number;
  /** What was summed, e.g. `spend`. */
  readonly measure: string;
  /** Period label. */
  readonly period: string;
  /** Group label. */
  readonly group: string;
  /** Category label. */
  readonly category: string;
  /** Noisy sum: true clipped sum + Laplace(noise_scale). */
  readonly value: number;
  /** Epsilon charged to each contributing member for this cell. */
  readonly epsilon: number;
  /** Laplace scale b = clip / epsilon (public: the mechanism is public, only the draw is secret). */
  readonly noise_scale: number;
}

/** The keys of a released record, in order: the complete list of what a data buyer sees. */
export const RELEASED_CELL_KEYS = [
  'buyer',
  'query',
  'measure',
  'period',
  'group',
  'category',
  'value',
  'epsilon',
  'noise_scale',
] as const satisfies readonly (keyof ReleasedCell)[];
