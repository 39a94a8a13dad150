import { live } from '../../../sim/scenario/live.js';
import { z } from 'zod';

/**
 * Parameters of one buyer-seller negotiation. Kept as a plain field map (`negotiationFields`) plus a check
 * (`checkNegotiation`) so a model can embed them flat (the `bargaining` model) or nested (`negotiationParams`,
 * e.g. `params.negotiation` of the `mimo` model).
 */

/** Named Faratin et al. (1998) concession tactics and their beta exponents (beta < 1 Boulware, > 1 conceder). */
export const TACTIC_BETAS = { boulware: 0.2, linear: 1, conceder: 5 } as const;

export type TacticName = keyof typeof TACTIC_BETAS;

const tactic = (side: string) =>
  z
    .union([z.enum(['boulware', 'linear', 'conceder']), z.number().min(0.01).max(100)])
    .default('linear')
    .describe(
      `The ${side}'s concession tactic under the time-dependent strategy (Faratin, Sierra & Jennings 1998): ` +
        'boulware (beta 0.2: holds out, concedes near the deadline), linear (beta 1), conceder (beta 5: concedes ' +
        'early), or the beta exponent itself (0.01 to 100).',
    );

const discount = (side: string) =>
  z
    .number()
    .gt(0)
    .max(1)
    .default(0.95)
    .describe(
      `The ${side}'s per-round discount factor in (0, 1]: a deal one round later is worth this much to the ${side}. ` +
        'Used by the equilibrium strategy of the alternating protocol.',
    );

/** The negotiation fields, with descriptions and defaults. */
export const negotiationFields = {
  protocol: live(
    z
      .enum(['nash', 'alternating'])
      .default('alternating')
      .describe(
        'nash: the price splits the surplus evenly (Nash 1950); alternating: buyer and seller take turns to ' +
          'propose a price, the other accepts or rejects (Rubinstein 1982).',
      ),
  ),
  strategy: live(
    z
      .enum(['equilibrium', 'time-dependent'])
      .default('equilibrium')
      .describe(
        'How agents play the alternating protocol. equilibrium: subgame-perfect strategies under complete ' +
          'information (Rubinstein 1982; backward induction when rounds > 0), agreement in round 1; time-dependent: ' +
          'each side concedes from an opening price to its reservation value by the deadline along its tactic curve.',
      ),
  ),
  rounds: live(
    z
      .int()
      .min(0)
      .max(10_000)
      .default(10)
      .describe(
        'Round limit T of the alternating protocol: no agreement after T offers is a breakdown. 0 means no limit ' +
          '(the infinite-horizon game; allowed only with the equilibrium strategy).',
      ),
  ),
  discountBuyer: live(discount('buyer')),
  discountSeller: live(discount('seller')),
  firstMover: live(
    z
      .enum(['buyer', 'seller'])
      .default('seller')
      .describe('Who makes the first offer under the alternating protocol.'),
  ),
  tacticBuyer: live(tactic('buyer')),
  tacticSeller: live(tactic('seller')),
  kappa: live(
    z
      .number()
      .min(0)
      .lt(1)
      .default(0)
      .describe(
        "Faratin's initial concession k in [0, 1): alpha(t) = k + (1 - k)(t/T)^(1/beta), so each side opens a " +
          'share k of the way from its opening price to its reservation value.',
      ),
  ),
  aspiration: live(
    z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe(
        'Time-dependent opening prices, as a share of each side’s own reservation value: the buyer opens at ' +
          'value x (1 - aspiration), the seller at cost x (1 + aspiration). Neither knows the other’s value.',
      ),
  ),
} as const;

type Fields = { [K in keyof typeof negotiationFields]: z.output<(typeof negotiationFields)[K]> };

/** Negotiation params after parsing (defaults filled in). */
export type NegotiationParams = Readonly<Fields>;

/**
 * Cross-field rules: the time-dependent strategy needs a deadline, and the infinite-horizon game needs some
 * impatience (with both discount factors 1 every split is subgame-perfect: Rubinstein 1982, no unique answer).
 */
export function checkNegotiation(
  p: NegotiationParams,
  ctx: z.RefinementCtx,
  prefix: PropertyKey[] = [],
): void {
  if (p.protocol !== 'alternating') return;
  if (p.strategy === 'time-dependent' && p.rounds === 0) {
    ctx.addIssue({
      code: 'custom',
      path: [...prefix, 'rounds'],
      message: 'the time-dependent strategy needs a round limit of at least 1',
    });
  }
  if (p.strategy === 'equilibrium' && p.rounds === 0 && p.discountBuyer === 1 && p.discountSeller === 1) {
    ctx.addIssue({
      code: 'custom',
      path: [...prefix, 'rounds'],
      message:
        'with no round limit and both discount factors 1 every split is an equilibrium (Rubinstein 1982): ' +
        'set a round limit or a discount factor below 1',
    });
  }
}

/**
 * The negotiation params as one object schema, to nest inside a model's params. Nest it with
 * `negotiationParams.prefault({})` (zod 4's `.default({})` would return `{}` unparsed, without the defaults).
 */
export const negotiationParams = z
  .object(negotiationFields)
  .strict()
  .superRefine((p, ctx) => checkNegotiation(p, ctx));

/** The beta exponent of a tactic given by name or number. */
export function tacticBeta(tactic: TacticName | number): number {
  return typeof tactic === 'number' ? tactic : TACTIC_BETAS[tactic];
}
