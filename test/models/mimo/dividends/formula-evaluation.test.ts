import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../../../models/mimo/dividends/formula/formula.js';
import { stream } from '../../../../sim/random/streams.js';

const n = 1000;
const rng = stream(11, 0, 'test.formula');
const records = new Float64Array(n).map(() => rng.int(50));
const tenure = new Int32Array(n).map(() => rng.int(400));
const hours_given = new Float64Array(n).map(() => Math.round(rng.float() * 1000) / 10);
const cols = { records, tenure, hours_given };

/** Evaluates `formula` over the test population. */
const evalAll = (formula: string): Float64Array => compileFormula(formula).evaluate(cols, n);

const sumOf = (xs: ArrayLike<number>): number => Array.from(xs).reduce((a, b) => a + b, 0);

describe('dividend formula evaluation', () => {
  it('matches a per-member reference for arithmetic, comparisons, logic and conditionals', () => {
    const f = evalAll(
      '0.5 / count + 2 * records ^ 2 - hours_given / (tenure + 1) + (tenure >= 30 and not (records == 0) ? 3 : -1) ' +
        '+ min(records, 10) - max(tenure, records, 5) + abs(-records) + floor(hours_given) + ceil(hours_given) ' +
        '+ round(2.5) + sign(records - 25) + sqrt(records) + log(records + 1) + log(records + 1, 2) + exp(-tenure / 100) ' +
        '+ pow(records, 0.5) + (records mod 7) + (records != 3 or tenure < 10)',
    );
    for (let i = 0; i < n; i++) {
      const r = records[i];
      const t = tenure[i];
      const h = hours_given[i];
      const expected =
        0.5 / n +
        2 * r ** 2 -
        h / (t + 1) +
        (t >= 30 && r !== 0 ? 3 : -1) +
        Math.min(r, 10) -
        Math.max(t, r, 5) +
        r +
        Math.floor(h) +
        Math.ceil(h) +
        3 +
        Math.sign(r - 25) +
        Math.sqrt(r) +
        Math.log(r + 1) +
        Math.log(r + 1) / Math.log(2) +
        Math.exp(-t / 100) +
        Math.pow(r, 0.5) +
        (r % 7) +
        (r !== 3 || t < 10 ? 1 : 0);
      expect(f[i]).toBeCloseTo(expected, 9);
    }
  });

  it('computes population aggregates with one argument and element-wise values with several', () => {
    const total = sumOf(records);
    expect(evalAll('sum(records)')[0]).toBe(total);
    expect(evalAll('mean(records)')[7]).toBeCloseTo(total / n, 12);
    expect(evalAll('max(records)')[3]).toBe(Math.max(...records));
    expect(evalAll('min(tenure)')[3]).toBe(Math.min(...tenure));
    expect(evalAll('count')[0]).toBe(n);
    expect(evalAll('count(records > 10)')[0]).toBe(Array.from(records).filter((r) => r > 10).length);
    expect(evalAll('sum(2)')[0]).toBe(2 * n);
    const share = evalAll('records / sum(records)');
    expect(sumOf(share)).toBeCloseTo(1, 12);
    const ew = evalAll('sum(records, tenure, 1)');
    const mean2 = evalAll('mean(records, tenure)');
    const max2 = evalAll('max(records, tenure)');
    for (let i = 0; i < n; i++) {
      expect(ew[i]).toBe(records[i] + tenure[i] + 1);
      expect(mean2[i]).toBe((records[i] + tenure[i]) / 2);
      expect(max2[i]).toBe(Math.max(records[i], tenure[i]));
    }
    // Nested: each member's distance to the population mean, summed, is 0.
    expect(evalAll('sum(records - mean(records))')[0]).toBeCloseTo(0, 6);
  });

  it('rounds half away from zero and takes the floored modulo, as mathjs does', () => {
    const one = { records: new Float64Array([0]) };
    const at = (f: string): number => compileFormula(f).evaluate(one, 1)[0];
    expect([at('round(2.5)'), at('round(-2.5)'), at('round(-0.4)') + 0]).toEqual([3, -3, 0]);
    expect([at('-7 mod 3'), at('7 mod -3'), at('7 mod 0')]).toEqual([2, -2, 7]);
    expect([at('1 / 0'), at('true + false'), at('pi > 3.14 and e < 2.72')]).toEqual([Infinity, 1, 1]);
  });

  it('gives 0 for every aggregate over an empty population', () => {
    const f = compileFormula('sum(records) + mean(records) + max(records) + count');
    expect(f.evaluate({ records: new Float64Array(0) }, 0).length).toBe(0);
    const g = compileFormula('mean(records) + max(records) + 1');
    const out = new Float64Array(1);
    g.evaluate({ records: new Float64Array(1).fill(4) }, 1, out);
    expect(out[0]).toBe(9);
  });

  it('lists the variables a formula uses and refuses a missing column at evaluation', () => {
    const f = compileFormula('records + tenure * 2 + count');
    expect([...f.uses].sort()).toEqual(['records', 'tenure']);
    expect(() => f.evaluate({ records }, n)).toThrow(/`tenure` was not provided/);
    expect(() => f.evaluate({ records, tenure: new Int32Array(3) }, n)).toThrow(/has 3 values/);
  });

  it('accepts variables added by the model and refuses names that clash with the language', () => {
    const f = compileFormula('karma * 2', ['karma']);
    expect(Array.from(f.evaluate({ karma: new Float64Array([1, 2]) }, 2))).toEqual([2, 4]);
    expect(() => compileFormula('records', ['records', 'sum'])).toThrow(/clashes/);
    expect(() => compileFormula('records', ['records', 'a.b'])).toThrow(/clashes/);
  });

  it('evaluates a realistic formula over 1,000,000 members well under a second', () => {
    const m = 1_000_000;
    const r = new Float64Array(m).map((_, i) => i % 37);
    const t = new Int32Array(m).map((_, i) => i % 365);
    const f = compileFormula('0.3 / count + 0.7 * records / sum(records) * (tenure > 30 ? 1.5 : 1)');
    const out = new Float64Array(m);
    f.evaluate({ records: r, tenure: t }, m, out);
    const t0 = performance.now();
    f.evaluate({ records: r, tenure: t }, m, out);
    const seconds = (performance.now() - t0) / 1000;
    expect(seconds).toBeLessThan(0.5);
    const total = sumOf(r);
    expect(out[100]).toBeCloseTo(0.3 / m + (0.7 * r[100] * 1.5) / total, 15);
  });
});
