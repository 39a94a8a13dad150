import { z } from 'zod';

/** The seed every sampled design draws from (the same seed, the same points). */
const seed = z
  .int()
  .min(0)
  .max(2 ** 32 - 1)
  .default(1)
  .describe('Seed of the design: the same seed gives the same points (unused by grid).');

const samples = z.int().min(1).max(10_000_000);

/** A study's `design`: how the points are chosen, one kind of design per study. */
export const designSpecSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('grid').describe('Full factorial: every combination of every factor’s values.'),
        steps: z
          .union([z.int().min(2).max(100_000), z.record(z.string(), z.int().min(2).max(100_000))])
          .optional()
          .describe(
            'Evenly spaced values from min to max per range factor (ends included): one number for all, or per ' +
              'factor path. Levels factors take all their levels; integer ranges without steps every whole number.',
          ),
        seed,
      })
      .strict(),
    z
      .object({
        kind: z.literal('random').describe('Independent uniform points.'),
        samples: samples.describe('Number of points.'),
        seed,
      })
      .strict(),
    z
      .object({
        kind: z
          .literal('lhs')
          .describe('Latin hypercube: each factor’s range cut in `samples` strata, one point in each.'),
        samples: samples.describe('Number of points (and of strata per factor).'),
        seed,
      })
      .strict(),
    z
      .object({
        kind: z
          .literal('sobol')
          .describe(
            "Saltelli's scheme on the Sobol' sequence for first-order and total indices: N (d + 2) points.",
          ),
        samples: z
          .int()
          .min(2)
          .max(2 ** 24)
          .refine((n) => (n & (n - 1)) === 0, "a power of 2: the Sobol' sequence is balanced on powers of 2")
          .describe('N, the base sample: a power of 2.'),
        scramble: z
          .boolean()
          .default(true)
          .describe(
            'Randomise the sequence from the seed (linear matrix scramble and digital shift); false: the plain sequence.',
          ),
        seed,
      })
      .strict(),
    z
      .object({
        kind: z.literal('morris').describe('Morris elementary effects: r trajectories of d + 1 points each.'),
        trajectories: z.int().min(2).max(1_000_000).default(10).describe('r, the number of trajectories.'),
        levels: z
          .int()
          .min(2)
          .max(1000)
          .default(4)
          .refine((p) => p % 2 === 0, 'an even number (Morris 1991: then every level is equally likely)')
          .describe(
            'p, the number of grid levels per factor (even); each step moves one factor by p / (2 (p − 1)).',
          ),
        seed,
      })
      .strict(),
  ])
  .describe('How the design points are chosen: grid, random, lhs, sobol or morris.');

export type DesignSpec = z.infer<typeof designSpecSchema>;
export type DesignKind = DesignSpec['kind'];
