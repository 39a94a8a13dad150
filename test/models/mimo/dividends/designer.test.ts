import { describe, expect, it } from 'vitest';
import {
  FORMULA_DESIGNER,
  type FormulaDesigner,
} from '../../../../models/mimo/dividends/designer-extension.js';
import { gini } from '../../../../sim/stats/gini.js';
import type { Run } from '../../../../sim/run/run.js';
import { column, scenarioRun, small } from '../run-mimo.js';

/** mimo's formula designer on a run, as a host reaches it: the extension by name. */
const designer = (run: Run) => run.extension<FormulaDesigner>(FORMULA_DESIGNER);

const POOL = 1_000_003;

describe('mimo formula designer', () => {
  const run = scenarioRun('dividend-mixed', small(1200, 40));
  run.runToEnd();

  it('pays the pool to the last minor unit, exactly as the formula weighs members', () => {
    const equal = designer(run).design('1', POOL);
    expect(equal.problem).toBeNull();
    expect(equal.payouts.reduce((a, b) => a + b, 0)).toBe(POOL);
    const share = POOL / 1200;
    for (const p of equal.payouts) expect(Math.abs(p - share)).toBeLessThan(1);
    const byRecords = designer(run).design('records', POOL);
    expect(byRecords.contributionName).toBe('records');
    expect(byRecords.payouts.reduce((a, b) => a + b, 0)).toBe(POOL);
    const total = byRecords.contribution.reduce((a, b) => a + b, 0);
    byRecords.payouts.forEach((p, i) =>
      expect(Math.abs(p - (POOL * byRecords.contribution[i]) / total)).toBeLessThan(1),
    );
  });

  it('refuses a formula outside the language with the position of the problem, and pays nothing', () => {
    const bad = designer(run).design('records + import("fs")', POOL);
    expect(bad.problem).toMatchObject({ position: 10 });
    expect(bad.problem!.message).toMatch(/import/);
    expect(bad.payouts).toHaveLength(0);
    expect(designer(run).design('recordz * 2', POOL).problem!.position).toBe(0);
  });

  it('says which variables are zero for everyone: no records when AIS is off', () => {
    const plain = scenarioRun('baseline', small(500, 10));
    plain.runToEnd();
    const design = designer(plain).design('records + hours_given', 1000);
    expect(design.constantZero).toEqual(['records']);
    expect(design.contributionName).toBe('hours_given');
    expect(column(plain, 'trades')[9]).toBeGreaterThan(0);
  });

  it('summarises a design for a page: Gini and deciles of the payouts, a sample of at most 2,000 members', () => {
    const design = designer(run).design('records', POOL);
    const report = designer(run).report('records', POOL);
    expect(report.tick).toBe(40);
    expect(report.payouts!.n).toBe(1200);
    expect(report.payouts!.gini).toBe(gini(design.payouts));
    expect(report.bottomDecileShare).toBeLessThan(report.topDecileShare);
    expect(report.correlation).toBeGreaterThan(0.99);
    expect([...report.samplePayout]).toEqual([...design.payouts]);
    expect(designer(run).report('1').pool).toBe(1_000_000);
    const refused = designer(run).report('records +', POOL);
    expect(refused.problem).not.toBeNull();
    expect(refused.payouts).toBeNull();
  });

  it('counts the weights it set to 0, and says when nobody is paid', () => {
    const records = designer(run).design('records', POOL).contribution;
    const withRecords = records.filter((r) => r > 0).length;
    expect(withRecords).toBeGreaterThan(0);
    const negative = designer(run).report('-records', POOL);
    expect([negative.zeroedNegative, negative.zeroedNonFinite, negative.recipients]).toEqual([
      withRecords,
      0,
      0,
    ]);
    // records/0: +Infinity where records > 0, NaN where records = 0: every weight is not a finite number.
    const byZero = designer(run).report('records/0', POOL);
    expect([byZero.zeroedNegative, byZero.zeroedNonFinite, byZero.recipients]).toEqual([0, 1200, 0]);
    const nothing = designer(run).report('0', POOL);
    expect([nothing.zeroedNegative, nothing.zeroedNonFinite, nothing.recipients]).toEqual([0, 0, 0]);
    const equal = designer(run).report('1', POOL);
    expect([equal.zeroedNegative, equal.zeroedNonFinite, equal.recipients]).toEqual([0, 0, 1200]);
    expect(designer(run).report('records +', POOL).recipients).toBe(0);
  });

  it('is offered by name, listed in the model definition; another name is refused', () => {
    expect(run.model.extensions?.map((e) => e.name)).toEqual([FORMULA_DESIGNER]);
    expect(() => run.extension('no-such-thing')).toThrow(
      /offers no extension 'no-such-thing'.*formula-designer/,
    );
  });
});

describe('mimo formula designer against the dividend payer', () => {
  it('pays exactly what the model paid at a payout tick, for the scenario formula and the pool it paid', () => {
    const run = scenarioRun('dividend-mixed', small(900, 30)); // dividends every 30 ticks: a payout at the end
    run.runToEnd();
    const paid = run.snapshot().lastDividend as Float64Array;
    const pool = paid.reduce((a, b) => a + b, 0);
    expect(pool).toBeGreaterThan(0);
    const formula = (run.currentParams as { dividends: { formula: string } }).dividends.formula;
    const design = designer(run).design(formula, pool);
    expect(design.problem).toBeNull();
    expect([...design.payouts]).toEqual([...paid]);
  });

  it('leaves the run untouched: same fingerprint with or without designing along the way', () => {
    const plain = scenarioRun('dividend-mixed', small(600, 40)).runToEnd().fingerprint;
    const run = scenarioRun('dividend-mixed', small(600, 40));
    run.advance(20);
    designer(run).design('sqrt(records) + tenure', 12345);
    designer(run).design('records + import(1)', 10);
    expect(run.runToEnd().fingerprint).toBe(plain);
  });
});
