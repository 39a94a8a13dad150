import { percent, spoken, type TextAlternative } from './text-alternative.js';

/** A histogram as its chart knows it: bins of equal width from their starts, a count each. */
export interface DescribedHistogram {
  readonly title: string;
  readonly unit: string;
  readonly binStart: ArrayLike<number>;
  readonly binWidth: number;
  readonly counts: ArrayLike<number>;
  /** What the line drawn over the bars is, if there is one (e.g. a theoretical law). */
  readonly theoryLabel?: string;
}

/** A histogram in words: how many agents, over what range, the fullest bin and the bin holding the median. */
export function describeHistogram(h: DescribedHistogram): TextAlternative {
  const bins = h.counts.length;
  let total = 0;
  let fullest = 0;
  for (let i = 0; i < bins; i++) {
    total += h.counts[i];
    if (h.counts[i] > h.counts[fullest]) fullest = i;
  }
  if (bins === 0 || total === 0) return { label: `${h.title}: no agents.` };
  let median = 0;
  let seen = h.counts[0];
  while (seen < total / 2) seen += h.counts[++median];
  const bin = (i: number) => `${spoken(h.binStart[i])} to ${spoken(h.binStart[i] + h.binWidth)}`;
  const theory = h.theoryLabel ? ` A line shows the ${h.theoryLabel}.` : '';
  return {
    label:
      `${h.title}: ${spoken(total)} agents, ${h.unit} from ${spoken(h.binStart[0])} to ` +
      `${spoken(h.binStart[bins - 1] + h.binWidth)} in ${bins} bins. The fullest bin is ${bin(fullest)} ` +
      `(${spoken(h.counts[fullest])} agents); the median lies in ${bin(median)}.${theory}`,
  };
}

/** A Lorenz curve as its chart knows it: population shares (ascending, 0 to 1) and the wealth share below each. */
export interface DescribedLorenz {
  readonly title: string;
  readonly population: ArrayLike<number>;
  readonly share: ArrayLike<number>;
  readonly gini: number;
}

/** A Lorenz curve in words: the Gini, and the shares held by the poorest half and the richest tenth. */
export function describeLorenz(l: DescribedLorenz): TextAlternative {
  const half = shareBelow(l, 0.5);
  const top = 1 - shareBelow(l, 0.9);
  return {
    label:
      `${l.title}: Gini ${l.gini.toFixed(3)} (0: all hold the same, 1: one holds everything). The poorest half ` +
      `hold ${percent(half)} of the total, the richest tenth ${percent(top)}.`,
  };
}

/** The curve's share at population share p, read between its points. */
export function shareBelow(l: Pick<DescribedLorenz, 'population' | 'share'>, p: number): number {
  const { population: x, share: y } = l;
  if (x.length === 0) return NaN;
  if (p <= x[0]) return y[0];
  for (let i = 1; i < x.length; i++)
    if (p <= x[i]) return y[i - 1] + ((y[i] - y[i - 1]) * (p - x[i - 1])) / (x[i] - x[i - 1]);
  return y[x.length - 1];
}
