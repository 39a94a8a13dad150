import * as d3 from 'd3';

/** Colour buckets of a member quantity: dots of one bucket are filled together (one path per colour). */
export const BUCKETS = 32;

/**
 * The bucket colours for values from `lo` to `hi`: cividis (made for colour-blind viewers) when all are of one
 * sign, purple–orange around zero when some are negative (debt in a mutual-credit currency).
 */
export function bucketColours(lo: number, hi: number): string[] {
  const diverging = lo < 0 && hi > 0;
  return Array.from({ length: BUCKETS }, (_, b) => {
    const t = (b + 0.5) / BUCKETS;
    if (!diverging) return d3.interpolateCividis(t);
    // Zero sits at the middle of the scale whatever the range: the debt side and the credit side each span half.
    return d3.interpolatePuOr(1 - t);
  });
}

/** The bucket of each value (0 … BUCKETS − 1) for the colours of `bucketColours(lo, hi)`. */
export function bucketOf(values: Float64Array, lo: number, hi: number, out: Uint8Array): void {
  const diverging = lo < 0 && hi > 0;
  const top = BUCKETS - 1;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    let t: number;
    if (diverging) t = v < 0 ? 0.5 - 0.5 * Math.min(1, v / lo) : 0.5 + 0.5 * Math.min(1, v / hi);
    else t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
    out[k] = Math.max(0, Math.min(top, Math.floor(t * BUCKETS)));
  }
}

/** A range that ignores the most extreme 2% at each end (one rich member should not wash the rest out). */
export function robustRange(values: Float64Array): [number, number] {
  if (values.length === 0) return [0, 1];
  const sorted = Float64Array.from(values).sort();
  const lo = sorted[Math.floor(0.02 * (sorted.length - 1))];
  const hi = sorted[Math.ceil(0.98 * (sorted.length - 1))];
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** How a flow channel is drawn: colour (Okabe–Ito), line width and dash, so colour never carries meaning alone. */
export interface ChannelStyle {
  readonly colour: string;
  readonly width: number;
  readonly dash: readonly number[];
}

const CURRENCY_COLOURS = ['#D55E00', '#009E73', '#56B4E9', '#F0E442', '#E69F00'];

/** The style of each channel by name: fiat blue, each currency its colour, mixed dashed pink, AIS flows thin. */
export function channelStyles(names: readonly string[]): ChannelStyle[] {
  let currency = 0;
  return names.map((name, c) => {
    if (c === 0 && name === 'fiat') return { colour: '#0072B2', width: 2, dash: [] };
    if (name === 'mixed') return { colour: '#CC79A7', width: 2, dash: [6, 3] };
    // Every trade leaves a record: thin and light, so the trades stay readable beneath them.
    if (name === 'record') return { colour: '#c8c8c8', width: 0.5, dash: [] };
    if (name === 'dividend') return { colour: '#E69F00', width: 1, dash: [2, 2] };
    if (name === 'data-sale') return { colour: '#000000', width: 3, dash: [] };
    return { colour: CURRENCY_COLOURS[currency++ % CURRENCY_COLOURS.length], width: 2, dash: [] };
  });
}
