import { describe, expect, it } from 'vitest';
import { column, scenarioRun, small } from '../run-mimo.js';

const POOL = 1_000_003;

describe('mimo formula designer', () => {
  const run = scenarioRun('dividend-mixed', small(1200, 40));
  run.runToEnd();

  it('pays the pool to the last minor unit, exactly as the formula weighs members', () => {
    const equal = run.designFormula('1', POOL)!;
    expect(equal.problem).toBeNull();
    expect(equal.payouts.reduce((a, b) => a + b, 0)).toBe(POOL);
    const share = POOL / 1200;
    for (const p of equal.payouts) expect(Math.abs(p - share)).toBeLessThan(1);
    const byRecords = run.designFormula('records', POOL)!;
    expect(byRecords.contributionName).toBe('records');
    expect(byRecords.payouts.reduce((a, b) => a + b, 0)).toBe(POOL);
    const total = byRecords.contribution.reduce((a, b) => a + b, 0);
    byRecords.payouts.forEach((p, i) =>
      expect(Math.abs(p - (POOL * byRecords.contribution[i]) / total)).toBeLessThan(1),
    );
  });

  it('refuses a formula outside the language with the position of the problem, and pays nothing', () => {
    const bad = run.designFormula('records + import("fs")', POOL)!;
    expect(bad.problem).toMatchObject({ position: 10 });
    expect(bad.problem!.message).toMatch(/import/);
    expect(bad.payouts).toHaveLength(0);
    expect(run.designFormula('recordz * 2', POOL)!.problem!.position).toBe(0);
  });

  it('says which variables are zero for everyone: no records when AIS is off', () => {
    const plain = scenarioRun('baseline', small(500, 10));
    plain.runToEnd();
    const design = plain.designFormula('records + hours_given', 1000)!;
    expect(design.constantZero).toEqual(['records']);
    expect(design.contributionName).toBe('hours_given');
    expect(column(plain, 'trades')[9]).toBeGreaterThan(0);
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
    const design = run.designFormula(formula, pool)!;
    expect(design.problem).toBeNull();
    expect([...design.payouts]).toEqual([...paid]);
  });

  it('leaves the run untouched: same fingerprint with or without designing along the way', () => {
    const plain = scenarioRun('dividend-mixed', small(600, 40)).runToEnd().fingerprint;
    const run = scenarioRun('dividend-mixed', small(600, 40));
    run.advance(20);
    run.designFormula('sqrt(records) + tenure', 12345);
    run.designFormula('records + import(1)', 10);
    expect(run.runToEnd().fingerprint).toBe(plain);
  });
});
