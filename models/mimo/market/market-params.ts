import { live } from '../../../sim/scenario/live.js';
import { z } from 'zod';
import { share } from '../../common/share-param.js';
import { negotiationParams } from '../../common/negotiation/index.js';
import { arbitrageParams } from './arbitrage-params.js';

/** `params.market`: the currency market's mechanism, reference rates, private valuations, makers and arbitrage. */
export const marketParams = z
  .object({
    mechanism: live(
      z
        .enum(['bilateral', 'cda'])
        .default('bilateral')
        .describe(
          'bilateral: a buyer of currency negotiates a swap with a holder; cda: one continuous double auction per pair.',
        ),
    ),
    window: z
      .int()
      .min(1)
      .max(10_000)
      .default(30)
      .describe('Ticks in the volume-weighted moving average that defines each reference rate.'),
    initialRate: z
      .number()
      .min(1)
      .max(1e7)
      .default(1500)
      .describe(
        'Opening reference rate of every cultural currency (fiat minor units per hour): it values holdings until the first trades; prices come from what an hour buys, not from it.',
      ),
    spread: live(
      share(
        0.1,
        'cda: makers ask uniformly up to spread above their reservation and bid up to spread below their value (budget-constrained, Gode & Sunder 1993).',
      ),
    ),
    makers: live(
      share(
        0.02,
        'cda: per currency and per pair of it, the share of its group drawn each tick to offer what they hold of it and bid for what they lack.',
      ),
    ),
    discount: live(
      z
        .number()
        .min(0)
        .max(1)
        .default(0.004)
        .describe(
          'Impatience per tick: an hour its holder expects to use t ticks from now is worth exp(−(discount + demurrage) × t) of what a service hour costs (at least a quarter of it); t = balance / hours it spends per tick.',
        ),
    ),
    debtPremium: live(
      z
        .number()
        .min(0)
        .max(10)
        .default(0.5)
        .describe(
          'Mutual credit: a member in debt values an hour at (1 + debtPremium × debt / credit limit) of a service hour (an hour earned relieves debt, more so near the limit).',
        ),
    ),
    swap: live(
      negotiationParams
        .prefault({ protocol: 'nash' })
        .describe(
          'How a bilateral currency swap is bargained (apart from `negotiation`, the services): between the buyer’s use value of the hour and the holder’s reservation.',
        ),
    ),
    arbitrage: arbitrageParams.prefault({}),
  })
  .strict();
