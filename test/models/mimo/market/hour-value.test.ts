import { describe, expect, it } from 'vitest';
import type { Economy } from '../../../../models/mimo/economy/economy.js';
import type { HourValue } from '../../../../models/mimo/market/hour-value.js';
import { HOUR } from '../../../../models/mimo/params.js';
import { scenarioRun, small } from '../run-mimo.js';

/** A time bank with one member's balance under our control. */
function timeBank(demurrage = 0): { value: HourValue; economy: Economy; member: number } {
  const run = scenarioRun('time-bank', [
    ...small(300, 5),
    { path: 'params.groups', value: [{ name: 'hours', members: 1, creditLimit: 20, demurrage }] },
    { path: 'params.activity.inactive', value: 0 },
  ]);
  run.runToEnd();
  const instance = (run as unknown as { instance: { market: { hourValue: HourValue }; economy: Economy } })
    .instance;
  return { value: instance.market.hourValue, economy: instance.economy, member: 7 };
}

describe('HourValue: what an hour is worth to its holder', () => {
  it('falls as the balance grows, faster with demurrage; rises with debt; never leaves [rate/4, rate × (1 + premium)]', () => {
    const { value, member } = timeBank();
    const rate = value.serviceRate;
    expect(value.at(member, 1, 0)).toBe(rate);
    const held = [1, 5, 20, 80].map((h) => value.at(member, 1, h * HOUR));
    for (let k = 1; k < held.length; k++) expect(held[k]).toBeLessThan(held[k - 1]);
    expect(held[3]).toBeGreaterThanOrEqual(rate / 4);
    const debt = [-1, -10, -20].map((h) => value.at(member, 1, h * HOUR));
    expect(debt[0]).toBeGreaterThan(rate);
    expect(debt[2]).toBeCloseTo(rate * 1.5, 6); // debtPremium 0.5 at the limit
    const taxed = timeBank(0.01);
    expect(taxed.value.at(member, 1, 5 * HOUR) / taxed.value.serviceRate).toBeLessThan(held[1] / rate);
  });

  it('quantities respond to price: more lots sold at a higher price, fewer bought', () => {
    const { value, economy, member } = timeBank();
    economy.currencies[1].balances[member] = 40 * HOUR; // (its invariants are not checked again)
    const rate = value.serviceRate;
    const sold = [0.3, 0.6, 0.9, 1.2].map((x) => value.lotsToSell(member, 1, x * rate, 100));
    for (let k = 1; k < sold.length; k++) expect(sold[k]).toBeGreaterThanOrEqual(sold[k - 1]);
    expect(sold[3]).toBeGreaterThan(sold[0]);
    expect(sold[3]).toBeLessThanOrEqual(40);
    economy.currencies[1].balances[member] = -10 * HOUR;
    const bought = [0.5, 1, 1.2, 1.4].map((x) => value.lotsToBuy(member, 1, x * rate, 100));
    for (let k = 1; k < bought.length; k++) expect(bought[k]).toBeLessThanOrEqual(bought[k - 1]);
    expect(bought[0]).toBeGreaterThan(bought[3]);
  });
});
