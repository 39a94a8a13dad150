import { z } from 'zod';

/**
 * The factors of a study: what varies, as dotted params paths (as in `--set`), each over a range or a list of
 * levels. A design places its points in the unit cube; this file maps a coordinate to a factor's value.
 */

/** A value a levels factor may take: any YAML/JSON value (a number, a name, a list, a mapping...). */
export type Level = z.infer<ReturnType<typeof z.json>>;

/** A factor over a numeric range. */
export interface RangeSpec {
  readonly kind: 'range';
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (both bounds must be whole). */
  readonly integer: boolean;
  /** `log`: uniform in the logarithm (both bounds > 0). */
  readonly scale: 'linear' | 'log';
}

/** A factor over a list of values, each equally likely. */
export interface LevelsSpec {
  readonly kind: 'levels';
  readonly levels: readonly Level[];
}

export type FactorSpec = RangeSpec | LevelsSpec;

/** A factor of a study: the dotted path it sets (starting with `params.`) and what it ranges over. */
export interface Factor {
  readonly path: string;
  readonly spec: FactorSpec;
}

/** One factor's entry in a study file: `{ min, max, integer?, scale? }` or `{ levels: [...] }`. */
export const factorSpecSchema = z
  .object({
    min: z.number().optional().describe('Smallest value of a range factor (with `max`).'),
    max: z.number().optional().describe('Largest value of a range factor (with `min`); must exceed `min`.'),
    integer: z
      .boolean()
      .optional()
      .describe('Range of whole numbers: each whole number from min to max equally likely (default false).'),
    scale: z
      .enum(['linear', 'log'])
      .optional()
      .describe('linear (default): uniform between min and max; log: uniform in the logarithm (min > 0).'),
    levels: z
      .array(z.json())
      .optional()
      .describe('The values a levels factor takes, each equally likely (instead of min and max).'),
  })
  .strict()
  .superRefine((f, ctx) => {
    const problem = factorProblem(f);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
  })
  .transform((f): FactorSpec => {
    if (f.levels !== undefined) return { kind: 'levels', levels: f.levels };
    return {
      kind: 'range',
      min: f.min!,
      max: f.max!,
      integer: f.integer ?? false,
      scale: f.scale ?? 'linear',
    };
  })
  .describe('What a factor ranges over: `{ min, max, integer?, scale? }` or `{ levels: [...] }`.');

/** A factor's key: a dotted path into the params, as in `--set`. */
const factorPath = z
  .string()
  .regex(
    /^params\.[^.]+(\.[^.]+)*$/,
    'a factor is a dotted path starting with "params.", as --set paths are (e.g. params.agents)',
  );

/** A study's factors: dotted params paths (as in `--set`) mapped to what each ranges over. */
export const factorsSchema = z
  .record(factorPath, factorSpecSchema)
  .superRefine((factors, ctx) => {
    if (Object.keys(factors).length === 0)
      ctx.addIssue({ code: 'custom', message: 'a study needs at least one factor' });
  })
  .describe('What varies: dotted paths inside the scenario (as in --set), each over a range or levels.');

interface RawFactor {
  min?: number;
  max?: number;
  integer?: boolean;
  scale?: 'linear' | 'log';
  levels?: unknown[];
}

function factorProblem(f: RawFactor): { path: string[]; message: string } | null {
  const ranged = f.min !== undefined || f.max !== undefined;
  if (f.levels !== undefined) {
    if (ranged || f.integer !== undefined || f.scale !== undefined) {
      return { path: [], message: 'a factor has either levels or min and max, not both' };
    }
    if (f.levels.length === 0) return { path: ['levels'], message: 'levels must list at least one value' };
    const seen = new Set<string>();
    for (const [i, level] of f.levels.entries()) {
      const key = JSON.stringify(level);
      if (seen.has(key)) return { path: ['levels', String(i)], message: 'levels must all differ' };
      seen.add(key);
    }
    return null;
  }
  if (f.min === undefined || f.max === undefined) {
    return { path: [], message: 'a factor needs min and max (a range) or levels (a list of values)' };
  }
  if (!(f.min < f.max)) return { path: ['max'], message: `max must be greater than min (${f.min})` };
  if (f.integer && !(Number.isSafeInteger(f.min) && Number.isSafeInteger(f.max))) {
    return { path: [], message: 'an integer range needs whole-number min and max' };
  }
  if (f.scale === 'log' && !(f.min > 0)) {
    return { path: ['min'], message: 'a log-scale range needs min > 0' };
  }
  return null;
}

/** The factors of a parsed `factors` mapping, in the file's order. */
export function factorList(factors: Readonly<Record<string, FactorSpec>>): Factor[] {
  return Object.entries(factors).map(([path, spec]) => ({ path, spec }));
}

/**
 * A sampled value: coordinate u in [0, 1) → the factor's value, for random, Latin hypercube and Sobol' designs.
 * Continuous ranges are uniform in [min, max) (in log for `log`); an integer range gives each whole number in
 * [min, max] the same share of [0, 1); a log integer range is floor of a log-uniform draw in [min, max + 1)
 * (so k has weight ln((k+1)/k)); levels share [0, 1) equally.
 */
export function sampledValue(spec: FactorSpec, u: number): Level {
  if (spec.kind === 'levels')
    return spec.levels[Math.min(Math.floor(u * spec.levels.length), spec.levels.length - 1)];
  const { min, max } = spec;
  if (spec.scale === 'log') {
    const top = spec.integer ? max + 1 : max;
    const x = Math.exp(Math.log(min) + u * (Math.log(top) - Math.log(min)));
    return spec.integer ? clamp(Math.floor(x), min, max) : clamp(x, min, max);
  }
  if (spec.integer) return clamp(min + Math.floor(u * (max - min + 1)), min, max);
  return min + u * (max - min);
}

/**
 * A value at a position t in [0, 1], both ends included, for grid and Morris designs: t = 0 is min (or the first
 * level), t = 1 is max (or the last level), linear (or in log) between; integer ranges and levels round to the
 * nearest whole number or level.
 */
export function positionedValue(spec: FactorSpec, t: number): Level {
  if (spec.kind === 'levels') return spec.levels[Math.round(t * (spec.levels.length - 1))];
  const { min, max } = spec;
  // The ends exactly: exp(log(max)) need not give max back.
  const x =
    t <= 0
      ? min
      : t >= 1
        ? max
        : spec.scale === 'log'
          ? Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min)))
          : min + t * (max - min);
  return clamp(spec.integer ? Math.round(x) : x, min, max);
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
