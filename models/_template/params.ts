import { z } from 'zod';
import { live } from '../../sim/scenario/live.js';
import { share } from '../common/share-param.js';

/**
 * The params of the template model: a zod object, the single source of validation, of `mimo schema` (editor
 * autocompletion) and of the lab's generated form. Every field has a default (a scenario may leave it out) and a
 * description (the documentation users see); `.strict()` refuses unknown fields with the list of allowed ones.
 * Bounds belong here too: a value outside them is bad input (exit 2), never a crash inside the model.
 * `live()` marks the params a timeline (or the lab, between ticks) may change during a run; the others shape the
 * state when the run starts (here `agents` sizes the arrays).
 */
export const templateParams = z
  .object({
    agents: z.int().min(1).max(10_000_000).default(1000).describe('Number of agents.'),
    income: live(
      z
        .int()
        .min(0)
        .max(1_000_000)
        .default(10)
        .describe(
          'Mean income per agent per tick (units): a whole number drawn uniformly in [0, 2 × income].',
        ),
    ),
    spending: live(
      share(
        0.1,
        'Share of its balance each agent spends outside the economy every tick (rounded down to whole units).',
      ),
    ),
  })
  .strict();

export type TemplateParams = z.infer<typeof templateParams>;
