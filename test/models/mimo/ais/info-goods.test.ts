import { describe, expect, it } from 'vitest';
import { Ais } from '../../../../models/mimo/ais/ais.js';
import { aisSection, infoGoodsParams } from '../../../../models/mimo/ais/params.js';
import { flattrSplit, InfoGoods } from '../../../../models/mimo/ais/info-goods.js';
import type { Population } from '../../../../models/mimo/economy/population.js';
import { Book } from '../../../../sim/ledger/book.js';
import { stream } from '../../../../sim/random/streams.js';

const split = (amount: number, weights: number[]) => {
  const out = new Float64Array(weights.length);
  const paid = flattrSplit(
    amount,
    Float64Array.from(weights),
    weights.length,
    out,
    new Float64Array(weights.length),
  );
  return { paid, out: [...out] };
};

describe('flattrSplit', () => {
  it('splits a budget in proportion to uses, by largest remainder, to the unit', () => {
    expect(split(100, [3, 0.5])).toEqual({ paid: 100, out: [86, 14] });
    expect(split(10, [1, 1, 1])).toEqual({ paid: 10, out: [4, 3, 3] }); // tie: the lower index
    expect(split(7, [0, 2, 5])).toEqual({ paid: 7, out: [0, 2, 5] });
    expect(split(100, [0, 0])).toEqual({ paid: 0, out: [0, 0] });
    const rng = stream(1, 0, 'test.flattr');
    for (let k = 0; k < 200; k++) {
      const w = Array.from({ length: 1 + rng.int(12) }, () => rng.float() * 10);
      const amount = rng.int(10_000);
      const { paid, out } = split(amount, w);
      expect(paid).toBe(amount);
      expect(out.reduce((a, b) => a + b, 0)).toBe(amount);
      const total = w.reduce((a, b) => a + b, 0);
      w.forEach((x, j) => expect(Math.abs(out[j] - (amount * x) / total)).toBeLessThan(1));
    }
  });
});

/** Four members in a mutual-credit book with a 10-hour limit; members 0 and 1 work in category 0 only. */
function setup(usesPerTick: number) {
  const population = { n: 4, skills: Int32Array.from([1, 1, 2, 2]) } as unknown as Population;
  const ais = new Ais(
    4,
    aisSection.parse({ enabled: true }).budget,
    1,
    0,
    stream(1, 0, 'ais.noise'),
    0,
    () => {},
  );
  const book = new Book('hours', 'mutual-credit', 4, 1000);
  const params = infoGoodsParams.parse({ enabled: true, goods: 2, usesPerTick, budget: 1, period: 5 });
  const goods = new InfoGoods(
    population,
    ais,
    book,
    Int32Array.from([0, 1, 2, 3]),
    params.goods,
    stream(1, 0, 'ig'),
    2,
  );
  // Good 0: by member 2, in category 0; good 1: by member 3, in category 1.
  goods.producer.set([2, 3]);
  goods.category.set([0, 1]);
  return { ais, book, goods, params };
}

describe('InfoGoods', () => {
  it('pays each user’s budget to the producers of the goods it used, Flattr-style, context-weighted', () => {
    const { ais, book, goods, params } = setup(0);
    // Member 0: good 0 three times in context (weight 1), good 1 once out of context (weight 0.5).
    for (let r = 0; r < 3; r++) ais.recordUse(0, 0, true, 1);
    ais.recordUse(0, 1, false, 0.5);
    // Member 1: good 0 once.
    ais.recordUse(1, 0, true, 1);
    for (let t = 1; t <= 4; t++) goods.endTick(t, params);
    expect(goods.paymentsCum).toBe(0);
    goods.endTick(5, params);
    expect([...book.balances]).toEqual([-100, -100, 86 + 100, 14]);
    expect(goods.paymentsCum).toBe(200);
    expect(book.total()).toBe(0);
    expect(ais.uses.length).toBe(0);
  });

  it('lets a good’s value follow its weighted uses, and tracks every use in AIS', () => {
    const { ais, goods, params } = setup(3);
    goods.endTick(1, params);
    let weights = 0;
    for (let r = 0; r < ais.uses.length; r++) weights += ais.uses.value[r];
    expect(goods.usesThisTick).toBe(ais.uses.length);
    expect(goods.usesThisTick).toBeGreaterThan(0);
    expect(goods.value[0] + goods.value[1]).toBeCloseTo(weights, 12);
    // A producer never uses its own good; a use is in context iff the user works in the good's category.
    for (let r = 0; r < ais.uses.length; r++) {
      const user = ais.uses.member[r];
      const good = ais.uses.group[r];
      expect(user).not.toBe(goods.producer[good]);
      const inContext = ((1 << goods.category[good]) & [1, 1, 2, 2][user]) !== 0;
      expect(ais.uses.value[r]).toBe(inContext ? 1 : 0.5);
    }
    // Without uses, values decay by 5% a tick.
    const idle = infoGoodsParams.parse({ enabled: true, goods: 2, usesPerTick: 0, period: 5 });
    const before = goods.value[0];
    goods.endTick(2, idle);
    expect(goods.value[0]).toBeCloseTo(before * 0.95, 12);
  });
});
