/**
 * Validation of the mimo currency market's price discovery: the rate of an hour comes from what the hour buys,
 * not from where the market opened or how a swap is bargained.
 *
 * Sources: Smith, V. L. (1962), "An experimental study of competitive market behavior", Journal of Political
 * Economy 70(2), 111-137: double auctions converge to the price where values meet costs, wherever trading starts;
 * Gode, D. K. & Sunder, S. (1993), Journal of Political Economy 101(1), 119-137: budget-constrained random traders
 * (never buying above value nor selling below cost) already get there; Menger (1871) and Kiyotaki & Wright (1989),
 * Journal of Political Economy 97(4): money is valued by what it buys. In mimo an hour buys an hour of service, so
 * its rate must follow the price of service and nothing else that is only a setting.
 *
 * Checked over seeds 1-5 (time-bank, 1,200 members, a year), paired by seed:
 * - opening rates 500 and 5,000 fiat per hour end within 5% of each other at tick 365, bilateral and CDA;
 * - the rate moves by less than 8% between Nash and alternating swap bargaining, seller or buyer first;
 * - services worth 50% more to buyers raise the hour's rate, in every seed;
 * - after a burn-in of 180 ticks, the rate has no trend: |ln(rate at 730 / rate at 365)| < 0.05.
 */
import { describe, expect, it } from 'vitest';
import { SEEDS, means, settings, summary } from './mimo-seeds.js';

const MEMBERS = 1200;
const rateAt365 = (extra: Parameters<typeof settings>[3]) =>
  SEEDS.map((s) => means('time-bank', settings(s, MEMBERS, 365, extra), ['rate_hours'], 364, 365)[0]);

describe('mimo price discovery (Smith 1962; Gode & Sunder 1993)', () => {
  it.each(['bilateral', 'cda'])('%s: opening rates 500 and 5,000 agree by tick 365', (mechanism) => {
    const open = (rate: number) =>
      rateAt365([
        { path: 'params.market.mechanism', value: mechanism },
        { path: 'params.market.initialRate', value: rate },
      ]);
    const low = open(500);
    const high = open(5000);
    const ratios = low.map((r, k) => high[k] / r);
    console.log(
      `${mechanism}: rate at 365 from 500 ${summary(low)}, from 5000 ${summary(high)}, ratio ${summary(ratios)}`,
    );
    for (const ratio of ratios) expect(Math.abs(Math.log(ratio))).toBeLessThan(0.05);
  });

  it('bilateral: the swap bargaining protocol moves the rate by less than 8%', () => {
    const nash = rateAt365([]);
    for (const firstMover of ['seller', 'buyer']) {
      const alternating = rateAt365([
        { path: 'params.market.swap', value: { protocol: 'alternating', firstMover } },
      ]);
      const ratios = alternating.map((r, k) => r / nash[k]);
      console.log(`alternating, ${firstMover} first / nash: ${summary(ratios)}`);
      for (const ratio of ratios) expect(Math.abs(Math.log(ratio))).toBeLessThan(0.08);
    }
  });

  it('a service worth more raises the hour’s rate (paired by seed)', () => {
    const base = rateAt365([]);
    const dearer = rateAt365([{ path: 'params.valuation.hourValue', value: 3000 }]);
    const ratios = dearer.map((r, k) => r / base[k]);
    console.log(`hourValue 3000 / 2000: rate ratio ${summary(ratios)}`);
    for (const ratio of ratios) expect(ratio).toBeGreaterThan(1.08);
  });

  it('after a burn-in the rate shows no trend', () => {
    const drift = SEEDS.map((s) => {
      const [early, late] = [365, 730].map(
        (t) => means('time-bank', settings(s, MEMBERS, 730), ['rate_hours'], t - 30, t)[0],
      );
      return Math.log(late / early);
    });
    console.log(`ln(rate ticks 701-730 / rate ticks 336-365): ${summary(drift)}`);
    for (const d of drift) expect(Math.abs(d)).toBeLessThan(0.05);
  });
});
