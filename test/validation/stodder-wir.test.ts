/**
 * Validation of the mimo economy against the countercyclical turnover of the Swiss WIR mutual-credit system:
 * Stodder, J. (2009), "Complementary credit networks and macroeconomic stability: Switzerland's Wirtschaftsring",
 * Journal of Economic Behavior & Organization 72(1), 79-95; Stodder, J. & Lietaer, B. (2016), "The macro-stability
 * of Swiss WIR-Bank credits: balance, velocity, and leverage", Comparative Economic Studies 58(4), 570-605. WIR
 * turnover rises when the Swiss economy slows and falls when it grows: members short of francs pay in credit.
 *
 * In mimo the channel is the cash-in-advance constraint and the shadow cost of fiat (`planPayment`): when incomes
 * fall, fiat is dearer to each member, so the part of a service paid in fiat is worth less and buyers pay more of it
 * in hours. Checked over seeds 1-5 (time-bank, 1,500 members), each seed with and without a 30% income fall at tick
 * 180, means over ticks 200-365, paired by seed:
 * - trades fall when income falls, with or without mutual credit;
 * - they fall less with mutual credit (credit limit 20 hours) than without it (credit limit 0: nobody holds hours);
 * - hours turned over (`turnover_hours`, hours that changed hands) rise when income falls, and so does the share
 *   of trade settled in hours (`cultural_share`).
 */
import { describe, expect, it } from 'vitest';
import type { Override } from '../../sim/scenario/validate.js';
import { SEEDS, means, settings, summary } from './mimo-seeds.js';

const recession = (scale: number): Override => ({
  path: 'timeline',
  value: [{ at: 180, set: { 'income.scale': scale } }],
});
const credit = (limit: number): Override => ({
  path: 'params.groups',
  value: [{ name: 'hours', members: 0.6, issuance: 'mutual-credit', creditLimit: limit }],
});
const METRICS = ['trades', 'turnover_hours', 'cultural_share'] as const;

describe('mimo: WIR turnover is countercyclical (Stodder 2009; Stodder & Lietaer 2016)', () => {
  it('trades fall with income, less with mutual credit; hours turned over rise', () => {
    const change = (limit: number) =>
      SEEDS.map((s) => {
        const [normal, slump] = [1, 0.7].map((scale) =>
          means('time-bank', settings(s, 1500, 365, [credit(limit), recession(scale)]), METRICS, 200, 365),
        );
        return {
          trades: slump[0] / normal[0] - 1,
          hours: slump[1] / normal[1] - 1,
          share: slump[2] - normal[2],
        };
      });
    const withCredit = change(20);
    const without = change(0);
    console.log(
      `income −30%: trades with credit ${summary(withCredit.map((c) => c.trades))}, without ${summary(without.map((c) => c.trades))}; ` +
        `hours turned over with credit ${summary(withCredit.map((c) => c.hours))}, cultural share ${summary(withCredit.map((c) => c.share))}`,
    );
    withCredit.forEach((c, k) => {
      expect(c.trades, `seed ${SEEDS[k]}`).toBeLessThan(0);
      expect(without[k].trades, `seed ${SEEDS[k]}`).toBeLessThan(0);
      expect(c.trades, `seed ${SEEDS[k]}: falls less with credit`).toBeGreaterThan(without[k].trades);
      expect(c.hours, `seed ${SEEDS[k]}`).toBeGreaterThan(0);
      expect(c.share, `seed ${SEEDS[k]}`).toBeGreaterThan(0);
    });
  });
});
