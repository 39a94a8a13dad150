import { live } from '../../sim/scenario/live.js';
import { z } from 'zod';

/** Parameters of the zero-intelligence market (Gode & Sunder 1993). */
export const ziMarketParams = z
  .object({
    buyers: z.int().min(1).max(1_000_000).default(20).describe('Number of buyers, each wanting one unit.'),
    sellers: z.int().min(1).max(1_000_000).default(20).describe('Number of sellers, each owning one unit.'),
    strategy: live(
      z
        .enum(['zi-c', 'zi-u'])
        .default('zi-c')
        .describe(
          'zi-c (budget-constrained): bids uniform in [1, value], asks uniform in [cost, maxPrice]; ' +
            'zi-u (unconstrained): bids and asks uniform in [1, maxPrice].',
        ),
    ),
    maxPrice: live(
      z
        .int()
        .min(2)
        .max(1_000_000_000)
        .default(200)
        .describe(
          'Highest price (integer); values and costs are drawn uniformly from the integers in [1, maxPrice].',
        ),
    ),
    arrivals: live(
      z
        .int()
        .min(1)
        .max(10_000)
        .default(20)
        .describe(
          'Order arrivals per trader per period: a period has arrivals x (buyers + sellers) arrivals, each by a ' +
            'trader drawn uniformly among those who have not traded yet.',
        ),
    ),
  })
  .strict();

export type ZiMarketParams = z.infer<typeof ziMarketParams>;
