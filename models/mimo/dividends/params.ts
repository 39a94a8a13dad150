import { z } from 'zod';
import { LIMITS } from '../../../sim/scenario/limits.js';
import { DEFAULT_DIVIDEND_FORMULA } from './default-formula.js';
import { checkFormula } from './formula/formula.js';
import { MEMBER_VARIABLE_NAMES } from './variables.js';

/**
 * The `params.dividends` schema fragment for a model whose members expose `variables`: the formula is validated
 * when the scenario is parsed, so a bad formula is refused before the run with the formula and a caret.
 */
export function dividendParamsFor(variables: readonly string[] = MEMBER_VARIABLE_NAMES) {
  return z
    .object({
      every: z.int().min(1).max(100_000).default(30).describe('Ticks between dividend payouts.'),
      currency: z
        .string()
        .min(1)
        .default('fiat')
        .describe('Currency the dividend pool is held and paid in (its id in the economy).'),
      formula: z
        .string()
        .max(LIMITS.formulaLength)
        .default(DEFAULT_DIVIDEND_FORMULA)
        .superRefine((formula, ctx) => {
          if (formula.length > LIMITS.formulaLength) return; // refused by max(): one message is enough
          const problem = checkFormula(formula, variables);
          if (problem)
            ctx.addIssue({ code: 'custom', message: problem.replace(/^dividends\.formula: /, '') });
        })
        .describe(
          `Each member's weight, a mathjs expression over ${variables.join(', ')}, count and sum/mean/max/min(x); ` +
            'payout = pool x weight / sum of weights (largest remainder).',
        ),
    })
    .strict();
}

/** The `params.dividends` fragment over the default member variables. */
export const dividendParams = dividendParamsFor();

export { DEFAULT_DIVIDEND_FORMULA };

export type DividendParams = z.infer<typeof dividendParams>;
