import { describe, expect, it } from 'vitest';
import { column, scenarioRun, small } from '../run-mimo.js';

describe('mimo: unmet needs by cause', () => {
  it('no provider + no agreement + no money = unmet_needs, every tick', () => {
    const run = scenarioRun('baseline', [
      ...small(800, 40),
      { path: 'params.initialFiat', value: 0 },
      { path: 'params.income.median', value: 100 },
    ]);
    run.runToEnd();
    const [unmet, none, failed, money] = [
      'unmet_needs',
      'unmet_no_provider',
      'unmet_no_agreement',
      'unmet_no_money',
    ].map((m) => column(run, m));
    for (let t = 0; t < 40; t++) expect(none[t] + failed[t] + money[t]).toBeCloseTo(unmet[t], 12);
    expect(money[0]).toBeGreaterThan(0.1); // incomes of 100 a tick and no savings: money matters
    expect(failed.some((v) => v > 0)).toBe(true);
  });
});
