import { live } from '../../sim/scenario/live.js';
import { z } from 'zod';

/** Parameters of the kinetic-exchange ("money game") model. */
export const kineticExchangeParams = z
  .object({
    agents: z.int().min(2).max(50_000_000).default(1000).describe('Number of agents.'),
    initialWealth: z
      .int()
      .min(0)
      .max(1_000_000_000)
      .default(10)
      .describe('Units each agent starts with (integer).'),
    activation: live(
      z
        .enum(['sweep', 'random'])
        .default('sweep')
        .describe(
          'sweep: every agent acts once per tick in a fresh random order, with a partner drawn uniformly from all agents ' +
            '(the Mesa Boltzmann wealth model); random: each tick, `agents` random pairs meet and a fair coin picks who gives.',
        ),
    ),
    rule: live(
      z
        .enum(['unit', 'split'])
        .default('unit')
        .describe(
          'unit: the giver gives `transfer` units if its balance stays >= -debtLimit; ' +
            'split: the pair pools what it does not save and splits the pool uniformly at random.',
        ),
    ),
    transfer: live(
      z.int().min(1).max(1_000_000_000).default(1).describe('Units given per exchange under the unit rule.'),
    ),
    saving: live(
      z
        .number()
        .min(0)
        .lt(1)
        .default(0)
        .describe(
          'Share lambda of its wealth each agent keeps out of the pool under the split rule (0 <= lambda < 1).',
        ),
    ),
    debtLimit: live(
      z
        .int()
        .min(0)
        .max(1_000_000_000)
        .default(0)
        .describe('How far below zero a balance may go (units, >= 0).'),
    ),
  })
  .strict();

export type KineticExchangeParams = z.infer<typeof kineticExchangeParams>;
