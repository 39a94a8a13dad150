import { spoken, type TextAlternative } from './text-alternative.js';

/** A scatter plot as its chart knows it: y against x, one point each. */
export interface DescribedScatter {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

/** A scatter plot in words: how many points, and the range of each axis. */
export function describeScatter(s: DescribedScatter): TextAlternative {
  const x = range(s.x);
  const y = range(s.y);
  if (x.count === 0 || y.count === 0) return { label: `${s.title}: no points.` };
  return {
    label:
      `${s.title}: ${spoken(s.x.length)} points; ${s.xLabel} from ${spoken(x.lo)} to ${spoken(x.hi)}, ` +
      `${s.yLabel} from ${spoken(y.lo)} to ${spoken(y.hi)}.`,
  };
}

/** A metric against one factor of a study: the mean over each design point's runs, by the factor's value. */
export interface DescribedFactorScatter {
  readonly title: string;
  readonly factor: string;
  readonly metric: string;
  readonly runs: number;
  /** One per design point: the factor's value (a number or a level) and the metric's mean over its runs. */
  readonly means: readonly { readonly x: number | string; readonly y: number }[];
}

/** At most this many design points are read out one by one; beyond, only the ends and the extremes. */
const LISTED = 6;

/**
 * A factor scatter in words: runs and design points, then the mean at each value of the factor (in its order),
 * or, for many points, the means at the factor's lowest and highest values and the least and greatest means.
 */
export function describeFactorScatter(f: DescribedFactorScatter): TextAlternative {
  const points = [...f.means].sort((a, b) =>
    typeof a.x === 'number' && typeof b.x === 'number' ? a.x - b.x : String(a.x).localeCompare(String(b.x)),
  );
  const head = `${f.title}: ${spoken(f.runs)} runs at ${points.length} design points`;
  if (points.length === 0) return { label: `${head}.` };
  const at = (p: (typeof points)[number]) => `${spoken(p.y)} at ${f.factor} ${value(p.x)}`;
  if (points.length <= LISTED) return { label: `${head}. Mean ${f.metric}: ${points.map(at).join(', ')}.` };
  let lo = points[0];
  let hi = points[0];
  for (const p of points) {
    if (p.y < lo.y) lo = p;
    if (p.y > hi.y) hi = p;
  }
  return {
    label:
      `${head}. Mean ${f.metric} ${at(points[0])}, ${at(points[points.length - 1])}; ` +
      `least ${at(lo)}, greatest ${at(hi)}.`,
  };
}

function value(x: number | string): string {
  return typeof x === 'number' ? spoken(x) : x;
}

function range(values: ArrayLike<number>): { lo: number; hi: number; count: number } {
  let lo = Infinity;
  let hi = -Infinity;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    count++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { lo, hi, count };
}
