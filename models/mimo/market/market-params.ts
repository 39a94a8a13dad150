import { live } from '../../../sim/scenario/live.js';
import { z } from 'zod';
import { share } from '../../common/share-param.js';
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
      .describe('Opening reference rate of every cultural currency (fiat minor units per hour).'),
    spread: live(
      share(0.1, 'Private valuations of a currency lie uniformly within ±spread of its reference rate.'),
    ),
    makers: live(
      share(
        0.02,
        'cda: per currency and per pair of it, the share of its group drawn each tick to offer what they hold of it.',
      ),
    ),
    arbitrage: arbitrageParams.prefault({}),
  })
  .strict();
