import { spoken, type TextAlternative } from './text-alternative.js';

/** One index of one factor, with its interval (NaN ends: none). */
export interface RankedValue {
  readonly factor: string;
  readonly index: string;
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Sensitivity bars in words, factors in the order given (most influential first): the label lists each factor's
 * indices; the description adds the intervals.
 */
export function describeRanking(title: string, values: readonly RankedValue[]): TextAlternative {
  const factors = [...new Set(values.map((v) => v.factor))];
  if (factors.length === 0) return { label: `${title}: no factors.` };
  const of = (factor: string) => values.filter((v) => v.factor === factor);
  const short = factors.map(
    (f, i) =>
      `${i + 1}. ${f}: ${of(f)
        .map((v) => `${v.index} ${spoken(v.value)}`)
        .join(', ')}`,
  );
  const withIntervals = values.filter((v) => Number.isFinite(v.low) && Number.isFinite(v.high));
  return {
    label: `${title}. Factors, most influential first: ${short.join('; ')}.`,
    ...(withIntervals.length
      ? {
          description: `Intervals: ${withIntervals
            .map((v) => `${v.factor} ${v.index} ${spoken(v.low)} to ${spoken(v.high)}`)
            .join('; ')}.`,
        }
      : {}),
  };
}
