import { live } from '../../../../sim/scenario/live.js';
import { z } from 'zod';

/** Privacy parameters of the Anonymous Identity Service (`params.ais`). */
export const aisParams = z
  .object({
    k: live(
      z
        .int()
        .min(1)
        .max(1_000_000)
        .default(5)
        .describe(
          'Minimum group size: a cell is released only if at least k distinct members with budget left contribute to it.',
        ),
    ),
    epsilon: live(
      z
        .number()
        .gt(0)
        .max(100)
        .default(0.5)
        .describe(
          'Privacy loss per released cell: Laplace noise of scale clip/epsilon is added, each contributing member is charged epsilon.',
        ),
    ),
    budget: live(
      z
        .number()
        .gt(0)
        .max(10_000)
        .default(2)
        .describe(
          'Privacy budget per member per period (sum of epsilons); a member whose next charge would exceed it is left out.',
        ),
    ),
    lifetimeBudget: live(
      z
        .number()
        .min(0)
        .max(1_000_000)
        .default(0)
        .describe(
          'Privacy budget per member for the whole run (sum of epsilons, times the member’s share with budgetSpread): once a member is charged this much it is left out of every later release, so its re-identification bound stays below tanh(lifetimeBudget / 2). 0: no lifetime cap, only the budget per period.',
        ),
    ),
    budgetSpread: z
      .number()
      .min(0)
      .max(3)
      .default(0)
      .describe(
        'Members’ privacy preferences: each member’s budget is `budget` × a lognormal draw of mean 1 and this log-sd, so those who value privacy more allow less to be released (0: every member has `budget`).',
      ),
    period: z
      .int()
      .min(1)
      .max(100_000)
      .default(30)
      .describe(
        'Length of a budget period in ticks; every member’s spent budget resets at the start of a period.',
      ),
    fee: live(
      z
        .number()
        .min(0)
        .max(1)
        .default(0.1)
        .describe('Share of each report sale AIS keeps as its fee; the rest fills the dividend pool.'),
    ),
    clip: z
      .number()
      .gt(0)
      .max(1e12)
      .default(100)
      .describe(
        'Clipping bound = sensitivity: a member’s total contribution to one cell is clipped to [0, clip] before summing, ' +
          'so adding or removing one member changes a cell by at most clip.',
      ),
  })
  .strict();

export type AisParams = z.infer<typeof aisParams>;
