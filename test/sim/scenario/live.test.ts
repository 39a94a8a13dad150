import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registry } from '../../../models/index.js';
import { isLivePath, live, livePaths } from '../../../sim/scenario/live.js';

describe('live params, marked in the schema', () => {
  it('are found through defaults and refinements, a marked section as one path', () => {
    const schema = z
      .object({
        a: live(z.number().default(1).describe('a')),
        b: z.number().default(2),
        section: live(z.object({ x: z.number().default(0) }).prefault({})),
        nested: z.object({ y: live(z.boolean().default(false)), z: z.string().default('') }).prefault({}),
        list: z.array(z.object({ w: live(z.number()) })).default([]),
      })
      .strict()
      .superRefine(() => {});
    expect(livePaths(schema)).toEqual(['a', 'section', 'nested.y']);
    expect(isLivePath(livePaths(schema), 'section.x')).toBe(true);
    expect(isLivePath(livePaths(schema), 'nested.z')).toBe(false);
    expect(isLivePath(livePaths(schema), 'sectionx')).toBe(false);
  });

  it('appear in the JSON Schema the lab reads its controls from', () => {
    const json = z.toJSONSchema(z.object({ a: live(z.number().default(1)), b: z.number() }), { io: 'input' });
    const props = json.properties as Record<string, { live?: boolean }>;
    expect(props.a.live).toBe(true);
    expect(props.b.live).toBeUndefined();
  });

  // The lists each model kept by hand before they were marked in the schemas: the same params stay live (mimo's,
  // plus the params issue 15 added: repeat partners and the market's use-value settings; and AIS's lifetime budget).
  const before: Record<string, string[]> = {
    mimo: [
      'income.scale',
      'spending',
      'fees',
      'needs',
      'valuation.noise',
      'search',
      'payment.outsiders',
      'negotiation',
      'market.spread',
      'market.makers',
      'market.mechanism',
      'market.arbitrage.threshold',
      'market.arbitrage.maxLots',
      'activity.partners',
      'market.discount',
      'market.debtPremium',
      'market.swap',
      'ais.k',
      'ais.epsilon',
      'ais.budget',
      'ais.lifetimeBudget',
      'ais.fee',
      'dataMarket.perMember',
      'dataMarket.perRecord',
      'dataMarket.halfNoise',
      'dataMarket.resale',
      'infoGoods.usesPerTick',
      'infoGoods.budget',
      'infoGoods.outOfContext',
      'infoGoods.decay',
      'infoGoods.baseAppeal',
    ],
    'kinetic-exchange': ['activation', 'rule', 'transfer', 'saving', 'debtLimit'],
    'zi-market': ['strategy', 'maxPrice', 'arrivals'],
    bargaining: [
      'protocol',
      'strategy',
      'rounds',
      'discountBuyer',
      'discountSeller',
      'firstMover',
      'tacticBuyer',
      'tacticSeller',
      'kappa',
      'aspiration',
      'buyerValue',
      'sellerCost',
    ],
  };
  it.each(Object.keys(before))('of %s are the ones it declared live before', (name) => {
    const model = registry.get(name)!;
    expect([...livePaths(model.params)].sort()).toEqual([...before[name]].sort());
  });
});
