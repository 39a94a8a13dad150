import { live } from '../../../sim/scenario/live.js';
import { z } from 'zod';

/**
 * `params.market.arbitrage`: outside traders who take mispriced offers in the CDA's books (see arbitrage.ts).
 * Off by default (no traders), so scenarios without it run exactly as before.
 */
export const arbitrageParams = z
  .object({
    traders: z
      .int()
      .min(0)
      .max(1000)
      .default(0)
      .describe(
        'cda only: arbitrage traders, outside agents with their own accounts who, each tick after the makers posted, ' +
          'take resting offers priced away from the cross rate implied by the fiat reference rates (0: off; with ' +
          'mechanism bilateral there are no public prices and they do nothing).',
      ),
    capital: z
      .int()
      .min(0)
      .max(1e12)
      .default(1_000_000)
      .describe(
        'Fiat each trader starts with (minor units), entering as the logged external flow arbitrage_capital.',
      ),
    threshold: live(
      z
        .number()
        .min(0)
        .max(1)
        .default(0.02)
        .describe(
          'Least relative mispricing a trader acts on: it buys below fair × (1 − threshold) and sells above fair × (1 + threshold).',
        ),
    ),
    maxLots: live(
      z
        .int()
        .min(1)
        .max(1000)
        .default(5)
        .describe('Lots (hours of the base currency) per arbitrage order at most.'),
    ),
  })
  .strict();

export type ArbitrageParams = z.infer<typeof arbitrageParams>;
