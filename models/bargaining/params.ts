import { live } from '../../sim/scenario/live.js';
import { z } from 'zod';
import { checkNegotiation, negotiationFields } from '../common/negotiation/index.js';

/** Parameters of the bargaining reference model: one buyer, one seller, the negotiation params flat. */
export const bargainingParams = z
  .object({
    ...negotiationFields,
    buyerValue: live(
      z
        .int()
        .min(0)
        .max(1e15)
        .default(10_000)
        .describe("The buyer's reservation value: the most it would pay (whole minor units)."),
    ),
    sellerCost: live(
      z
        .int()
        .min(0)
        .max(1e15)
        .default(6_000)
        .describe("The seller's reservation value: the least it would accept (whole minor units)."),
    ),
  })
  .strict()
  .superRefine((p, ctx) => checkNegotiation(p, ctx));

export type BargainingParams = z.infer<typeof bargainingParams>;
