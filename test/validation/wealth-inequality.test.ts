/**
 * Validation: wealth is more unequal than income.
 *
 * Source: every household wealth survey; e.g. the Eurosystem's Household Finance and Consumption Survey (ECB,
 * "The Household Finance and Consumption Survey: results from the 2017 wave", Statistics Paper 36, 2020) puts the
 * Gini coefficient of euro-area household net wealth near 0.7, far above that of household income; the US Survey
 * of Consumer Finances finds the same, more strongly. The reason in mimo is the consumption rule (gateway.ts):
 * members spend a share of their cash on hand that falls with income (saving rates rise with income: Dynan,
 * Skinner & Zeldes 2004, Journal of Political Economy 112(2)), so fiat settles more than in proportion to income.
 *
 * Checked over seeds 1-5 (baseline, 1,500 members, a year): `gini_fiat` and `gini_total` at tick 365 exceed the Gini
 * of the members' incomes by at least 0.05 in every seed; with `spending.saving` 0 (everyone spends the same share)
 * the fiat Gini falls back towards the income Gini (paired by seed).
 */
import { describe, expect, it } from 'vitest';
import type { Population } from '../../models/mimo/economy/population.js';
import { gini } from '../../sim/stats/gini.js';
import { column, scenarioRun } from '../models/mimo/run-mimo.js';
import { SEEDS, settings, summary } from './mimo-seeds.js';

function finalGinis(seed: number, saving: number): { income: number; fiat: number; total: number } {
  const run = scenarioRun(
    'baseline',
    settings(seed, 1500, 365, [{ path: 'params.spending.saving', value: saving }]),
  );
  run.runToEnd();
  const population = (run as unknown as { instance: { population: Population } }).instance.population;
  const last = (m: string) => column(run, m)[364];
  return { income: gini(population.income), fiat: last('gini_fiat'), total: last('gini_total') };
}

describe('mimo: wealth more unequal than income (ECB HFCS 2017 wave; Dynan, Skinner & Zeldes 2004)', () => {
  it('fiat and total wealth Gini exceed the income Gini; less so when saving does not rise with income', () => {
    const runs = SEEDS.map((s) => [finalGinis(s, 0.5), finalGinis(s, 0)]);
    console.log(
      `income Gini ${summary(runs.map(([r]) => r.income))}; gini_fiat ${summary(runs.map(([r]) => r.fiat))}; ` +
        `gini_total ${summary(runs.map(([r]) => r.total))}; gini_fiat with saving 0 ${summary(runs.map(([, r]) => r.fiat))}`,
    );
    for (const [rising, flat] of runs) {
      expect(rising.fiat).toBeGreaterThan(rising.income + 0.05);
      expect(rising.total).toBeGreaterThan(rising.income + 0.05);
      expect(flat.fiat).toBeLessThan(rising.fiat - 0.05);
    }
  });
});
