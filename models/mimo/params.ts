import { live } from '../../sim/scenario/live.js';
import { z } from 'zod';
import {
  aisSection,
  checkAisSections,
  dataMarketParams,
  infoGoodsParams,
  mimoDividendParams,
} from './ais/params.js';
import { marketParams } from './market/market-params.js';
import { share } from '../common/share-param.js';
import { negotiationParams } from '../common/negotiation/index.js';

/** Minor units of a cultural currency per hour: the hour standard, 1 unit = 1 hour = 100 minor units. */
export const HOUR = 100;

/** One issuing group and its currency (`params.groups[i]`). */
export const groupParams = z
  .object({
    name: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]{0,23}$/,
        'a lowercase id of letters, digits and _ (at most 24), starting with a letter',
      )
      .describe('Id of the group and of its currency, used in metric names (e.g. rate_hours).'),
    members: share(
      0.5,
      'Share of members who join this group (independently of other groups: memberships overlap).',
    ),
    issuance: z
      .enum(['mutual-credit', 'fixed'])
      .default('mutual-credit')
      .describe(
        'mutual-credit: the provider is credited and the receiver debited, balances may go down to -creditLimit, ' +
          'the currency sums to zero; fixed: the group hands out a supply (initialSupply on joining, perHour per hour given).',
      ),
    creditLimit: z
      .number()
      .min(0)
      .max(100_000)
      .default(20)
      .describe('Mutual credit: how many hours a member may owe.'),
    initialSupply: z
      .number()
      .min(0)
      .max(100_000)
      .default(10)
      .describe('Fixed issue: hours handed to each member on joining.'),
    perHour: z
      .number()
      .min(0)
      .max(100)
      .default(0)
      .describe('Fixed issue: units minted to the provider per hour of service given.'),
    demurrage: z
      .number()
      .min(0)
      .max(0.5)
      .default(0)
      .describe(
        'Holding fee per tick on positive balances (share; mutual credit: paid to the group account, fixed: burnt).',
      ),
    fee: z
      .number()
      .min(0)
      .max(100)
      .default(0)
      .describe('Membership fee in hours per tick, paid to the group account.'),
  })
  .strict();

export type GroupParams = z.infer<typeof groupParams>;

/** Parameters of the `mimo` model. */
export const mimoParams = z
  .object({
    members: z
      .int()
      .min(2)
      .max(5_000_000)
      .default(10_000)
      .describe('Number of members (persons and companies).'),
    categories: z.int().min(1).max(30).default(8).describe('Number of service categories.'),
    companies: z
      .object({
        share: share(0.02, 'Share of members that are companies.'),
        incomeScale: z
          .number()
          .min(0)
          .max(1000)
          .default(20)
          .describe('A company’s income and opening fiat, times a person’s.'),
        capacityScale: z
          .number()
          .min(0)
          .max(1000)
          .default(8)
          .describe('A company’s hours of service per tick, times a person’s.'),
        skills: z.int().min(1).max(30).default(4).describe('Service categories a company provides.'),
      })
      .strict()
      .prefault({}),
    skills: z
      .object({
        perMember: z.int().min(1).max(30).default(2).describe('Service categories each person can provide.'),
        hours: z
          .number()
          .min(0)
          .max(24)
          .default(2)
          .describe('Mean hours of service a person can give per tick (uniform within ±50%).'),
      })
      .strict()
      .prefault({}),
    activity: z
      .object({
        sigma: z
          .number()
          .min(0)
          .max(3)
          .default(1)
          .describe(
            'Lognormal sigma of persons’ activity (mean 1): needs per tick and hours offered both scale with it, so a few members do most of the trading (Seyfang 2004; Collom, Lasker & Kyriacou 2012). 0: everyone alike.',
          ),
        inactive: share(
          0.1,
          'Share of persons who neither need nor offer services (registered but inactive, as in every time bank studied).',
        ),
        partners: live(
          z
            .boolean()
            .default(true)
            .describe(
              'A buyer first asks its last provider again (repeat partners), if it offers the category.',
            ),
        ),
      })
      .strict()
      .prefault({}),
    needs: live(
      z
        .object({
          rate: z.number().min(0).max(20).default(0.25).describe('Mean needs per member per tick (Poisson).'),
          hours: z.number().min(0.01).max(24).default(1).describe('Hours of service one need asks for.'),
        })
        .strict()
        .prefault({}),
    ),
    valuation: z
      .object({
        hourValue: z
          .number()
          .min(1)
          .max(1e7)
          .default(2000)
          .describe('Median reservation value of an hour of service to a buyer (fiat minor units).'),
        hourCost: z
          .number()
          .min(1)
          .max(1e7)
          .default(1200)
          .describe('Median reservation cost of an hour to a provider (fiat minor units).'),
        spread: z
          .number()
          .min(0)
          .max(3)
          .default(0.4)
          .describe('Lognormal sigma of private values and costs across members.'),
        noise: live(
          z
            .number()
            .min(0)
            .max(1)
            .default(0.25)
            .describe('Per-need variation of values and costs: uniform in ±noise.'),
        ),
        incomeElasticity: z
          .number()
          .min(0)
          .max(2)
          .default(0.5)
          .describe(
            'η: the part of a service a buyer pays in fiat is worth to it hourValue × (income / median income)^η, since a unit of fiat matters more to a poorer member (marginal utility of income ∝ income^−η); the same factor is its shadow cost of fiat when it chooses how to pay. 0: demand ignores income.',
          ),
      })
      .strict()
      .prefault({}),
    income: z
      .object({
        median: z
          .number()
          .min(0)
          .max(1e9)
          .default(8000)
          .describe('Median fiat income per tick (minor units; lognormal across members).'),
        sigma: z.number().min(0).max(3).default(0.6).describe('Lognormal sigma of incomes.'),
        scale: live(
          z
            .number()
            .min(0)
            .max(100)
            .default(1)
            .describe('Multiplier on every income (e.g. 0.7: a 30% recession).'),
        ),
      })
      .strict()
      .prefault({}),
    spending: live(
      z
        .object({
          rate: share(
            0.08,
            'Share of its fiat (cash on hand) a member of median income spends outside the MIMO economy per tick.',
          ),
          saving: z
            .number()
            .min(0)
            .max(2)
            .default(0.5)
            .describe(
              'How saving rises with income: a member spends rate × (income / median)^−saving of its cash on hand per tick (at most all of it), so richer members keep more (Dynan, Skinner & Zeldes 2004) and wealth ends more unequal than income. 0: everyone spends the same share.',
            ),
        })
        .strict()
        .prefault({}),
    ),
    initialFiat: z
      .number()
      .min(0)
      .max(1e12)
      .default(50_000)
      .describe('Fiat each person starts with (minor units).'),
    fees: live(
      z
        .object({
          card: share(0.01, 'Card/bank fee on each fiat payment, paid by the payee (leaves the economy).'),
          exchange: share(0.005, 'Fee on the fiat side of each currency swap, paid by the buyer.'),
        })
        .strict()
        .prefault({}),
    ),
    search: live(
      z
        .object({
          limit: z
            .int()
            .min(1)
            .max(100)
            .default(10)
            .describe('Candidates a need tries before it counts as unmet.'),
          ownGroupsFirst: z
            .boolean()
            .default(true)
            .describe('Try members of one’s own groups first (half the tries), then anyone.'),
          reach: z
            .int()
            .min(0)
            .max(1e9)
            .default(20_000)
            .describe(
              'Size of a member’s local market: it finds providers and currency holders among the members nearest it on a ring of member ids (ids carry no meaning, so this is a random sample of the population), at least this many, in blocks of 256; 0: everyone.',
            ),
        })
        .strict()
        .prefault({}),
    ),
    payment: z
      .object({
        culturalPreference: share(
          0.6,
          'Preference for cultural currency: each member’s share of a price it is willing to pay or be paid in it is min(1, 2 × this × U), U uniform on [0, 1) (mean: this up to 0.5, 1 − 1/(4 × this) above).',
        ),
        fiatBuffer: z
          .number()
          .min(0)
          .max(1000)
          .default(20)
          .describe(
            'A buyer holding less fiat than this many times the price leans towards cultural currency, in proportion to the shortfall (0: never).',
          ),
        outsiders: live(
          z
            .boolean()
            .default(true)
            .describe('Providers accept their group’s currency from non-members (who buy it on the market).'),
        ),
      })
      .strict()
      .prefault({}),
    negotiation: live(negotiationParams.prefault({})),
    market: marketParams.prefault({}),
    groups: z
      .array(groupParams)
      .min(1)
      .max(30)
      .default([
        {
          name: 'hours',
          members: 0.5,
          issuance: 'mutual-credit',
          creditLimit: 20,
          initialSupply: 10,
          perHour: 0,
          demurrage: 0,
          fee: 0,
        },
      ])
      .describe(
        'The issuing groups, each with its own currency (the hour standard: 1 unit = 1 hour of service).',
      ),
    // The Anonymous Identity Service and what hangs on it (see ais-params.ts); off unless ais.enabled.
    ais: aisSection.prefault({}),
    dataMarket: dataMarketParams.prefault({}),
    dividends: mimoDividendParams.prefault({}),
    infoGoods: infoGoodsParams.prefault({}),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.groups.forEach((g, i) => {
      if (g.name === 'fiat' || seen.has(g.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['groups', i, 'name'],
          message: `the name must be unique and not "fiat"`,
        });
      }
      seen.add(g.name);
    });
    if (p.companies.skills > p.categories || p.skills.perMember > p.categories) {
      ctx.addIssue({
        code: 'custom',
        path: ['categories'],
        message: 'fewer categories than skills per member',
      });
    }
    checkAisSections(p, ctx);
  });

export type MimoParams = z.infer<typeof mimoParams>;
