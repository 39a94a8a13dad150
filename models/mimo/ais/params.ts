import { live } from '../../../sim/scenario/live.js';
import { z } from 'zod';
import { share } from '../../common/share-param.js';
import { aisParams } from './privacy/params.js';
import { dividendParamsFor } from '../dividends/params.js';
import { MEMBER_VARIABLE_NAMES } from '../dividends/variables.js';

/** `params.ais`: the privacy parameters plus the switch that routes trades through AIS. */
export const aisSection = aisParams.extend({
  enabled: z
    .boolean()
    .default(false)
    .describe(
      'Route every trade through the Anonymous Identity Service: records, data market, dividends and information goods.',
    ),
});

/** One data buyer and its standing order. */
export const dataBuyerParams = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,23}$/, 'a lowercase label of letters, digits, _ and - (at most 24)')
      .describe('The buyer’s label (it appears in every record it receives).'),
    measure: z
      .enum(['spend', 'hours'])
      .default('spend')
      .describe(
        'What each report sums per (currency group, category) cell over the last period: spend (buyers’ outlays, ' +
          'fiat major units, fiat-equivalent) or hours (hours of service given, providers’ deposits).',
      ),
    every: z.int().min(1).max(100_000).default(30).describe('Ticks between this buyer’s reports.'),
  })
  .strict();

/** `params.dataMarket`: who buys reports, and how a report is priced and resold. */
export const dataMarketParams = z
  .object({
    buyers: z
      .array(dataBuyerParams)
      .max(20)
      .default([
        { name: 'acme-retail', measure: 'spend', every: 30 },
        { name: 'civic-lab', measure: 'hours', every: 60 },
      ])
      .describe('The data buyers and their schedules (names must be unique).'),
    perMember: live(
      z
        .number()
        .min(0)
        .max(1e6)
        .default(2000)
        .describe(
          'Price per member whose records a report used (fiat minor units), before accuracy. With perRecord, set so that dividends come to about 0.5% of members’ income, the order of the advertising revenue per user of the largest social network in the US and Canada (about US$200 a year) against a personal income near US$40,000: large enough for the dividend policies to differ in outcome.',
        ),
    ),
    perRecord: live(
      z
        .number()
        .min(0)
        .max(1e6)
        .default(200)
        .describe('Price per record that entered a released cell (fiat minor units), before accuracy.'),
    ),
    halfNoise: live(
      z
        .number()
        .gt(0)
        .max(1e9)
        .default(200)
        .describe(
          'Accuracy factor h / (h + noise scale): at a Laplace scale of halfNoise a report is worth half its coverage price.',
        ),
    ),
    resale: live(
      z
        .object({
          chance: share(0.4, 'Chance that each potential second buyer buys a massaged copy of a report.'),
          maxBuyers: z.int().min(0).max(20).default(3).describe('Potential second buyers per report.'),
          priceShare: share(0.5, 'Resale price as a share of the original price.'),
          royalty: share(0.2, 'Share of each resale price paid back to AIS as a royalty.'),
        })
        .strict()
        .prefault({}),
    ),
  })
  .strict();

/** `params.infoGoods`: published goods used again and again, paid Flattr-style in a cultural currency. */
export const infoGoodsParams = z
  .object({
    enabled: z.boolean().default(false).describe('Members publish information goods (needs ais.enabled).'),
    goods: z.int().min(1).max(100_000).default(200).describe('Number of published goods.'),
    currency: z
      .string()
      .default('hours')
      .describe('Cultural currency (a group’s name) in which users pay producers.'),
    usesPerTick: live(
      z
        .number()
        .min(0)
        .max(50)
        .default(0.3)
        .describe('Mean uses per user per tick (Poisson); users are the members of the currency’s group.'),
    ),
    budget: live(
      z
        .number()
        .min(0)
        .max(1000)
        .default(1)
        .describe('Hours each user gives per period, split among the goods it used (Flattr).'),
    ),
    period: z.int().min(1).max(100_000).default(30).describe('Ticks between Flattr payouts.'),
    outOfContext: live(
      share(
        0.5,
        'Weight of a use outside the good’s context (the user does not work in the good’s category); in context: 1.',
      ),
    ),
    decay: live(
      share(
        0.05,
        'Per tick, a good’s value keeps 1 - decay of itself and adds its weighted uses: it rises and falls with use.',
      ),
    ),
    baseAppeal: live(
      z
        .number()
        .min(0)
        .max(1e6)
        .default(1)
        .describe(
          'Appeal of a good with no value yet: a use picks good g with chance ∝ baseAppeal + value_g.',
        ),
    ),
  })
  .strict();

/** `params.dividends` over the mimo member variables. */
export const mimoDividendParams = dividendParamsFor(MEMBER_VARIABLE_NAMES);

interface AisSectionView {
  ais: { enabled: boolean };
  dataMarket: z.infer<typeof dataMarketParams>;
  dividends: { currency: string };
  infoGoods: z.infer<typeof infoGoodsParams>;
  groups: readonly { name: string; issuance: string }[];
}

/** Cross-field checks of the AIS sections (currencies must exist; see each message). */
export function checkAisSections(p: AisSectionView, ctx: z.RefinementCtx): void {
  const names = ['fiat', ...p.groups.map((g) => g.name)];
  const issuance = (name: string) => p.groups.find((g) => g.name === name)?.issuance;
  const currency = p.dividends.currency;
  if (!names.includes(currency)) {
    ctx.addIssue({
      code: 'custom',
      path: ['dividends', 'currency'],
      message: `no currency named "${currency}" (known: ${names.join(', ')})`,
    });
  } else if (issuance(currency) === 'mutual-credit') {
    ctx.addIssue({
      code: 'custom',
      path: ['dividends', 'currency'],
      message: `"${currency}" is mutual credit, which no one issues from outside: pay dividends in fiat or a fixed-issue currency`,
    });
  }
  const goods = p.infoGoods;
  if (goods.enabled) {
    if (!p.ais.enabled)
      ctx.addIssue({ code: 'custom', path: ['infoGoods', 'enabled'], message: 'needs ais.enabled: true' });
    if (issuance(goods.currency) === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['infoGoods', 'currency'],
        message: `no cultural currency named "${goods.currency}" (known: ${names.slice(1).join(', ') || 'none'})`,
      });
  }
  const seen = new Set<string>();
  p.dataMarket.buyers.forEach((b, i) => {
    if (seen.has(b.name))
      ctx.addIssue({
        code: 'custom',
        path: ['dataMarket', 'buyers', i, 'name'],
        message: `"${b.name}" is already a buyer: names must be unique`,
      });
    seen.add(b.name);
  });
}

export type AisSection = z.infer<typeof aisSection>;
export type DataMarketParams = z.infer<typeof dataMarketParams>;
export type InfoGoodsParams = z.infer<typeof infoGoodsParams>;
export type MimoDividendParams = z.infer<typeof mimoDividendParams>;
