import { describe, expect, it } from 'vitest';
import { FormulaError } from '../../../../models/mimo/dividends/formula/formula-error.js';
import { compileFormula } from '../../../../models/mimo/dividends/formula/formula.js';
import { LIMITS } from '../../../../sim/scenario/limits.js';

/** Compiles `formula` and returns the refusal (fails the test if it is accepted). */
function refusal(formula: string): FormulaError {
  try {
    compileFormula(formula);
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
  throw new Error(`accepted: ${formula}`);
}

// [construct, formula, 0-based position of the problem, words the reason must contain]
const FORBIDDEN: [string, string, number, string][] = [
  ['unknown variable', 'records + wealth', 10, 'unknown variable `wealth`'],
  ['assignment', 'records = 1', 8, 'assignment'],
  ['function definition', 'max(records) = records', 13, 'function definitions'],
  ['function definition of an unknown name', 'f(x) = x', 0, 'unknown function `f`'],
  ['unknown function', 'cos(records)', 0, 'unknown function `cos`'],
  ['calling a variable', 'tenure(1)', 0, '`tenure` is a variable, not a function'],
  ['a function used as a value', 'records * sqrt', 10, 'sqrt is a function'],
  ['property access', 'records.length', 7, 'property access'],
  ['element-wise operator', 'records .* tenure', 8, 'property access and element-wise'],
  ['matrix', '[records, tenure]', 0, 'matrices'],
  ['indexing', 'records[1]', 7, 'matrices and indexing'],
  ['range', 'records + 1:3', 11, 'ranges'],
  ['string (double quotes)', 'records + "1"', 10, 'strings'],
  ['string (single quotes) / transpose', "records'", 7, 'transpose'],
  ['units', 'records * 5 cm', 12, 'unknown variable `cm`'],
  ['unit conversion', 'records to hours', 8, 'unit conversion'],
  ['block with ;', 'records; tenure', 7, 'blocks'],
  ['block with a line break', 'records\ntenure', 7, 'line break'],
  ['object', 'sum({a: records})', 4, 'objects'],
  ['comment', 'records # tenure', 8, 'comments'],
  ['factorial', 'records!', 7, 'factorial'],
  ['bitwise and', 'records & tenure', 8, 'bitwise'],
  ['bitwise shift', 'records << 2', 8, 'bitwise shifts'],
  ['xor', 'records xor tenure', 8, 'xor'],
  ['percent sign', 'records % 2', 8, '`%`'],
  ['hexadecimal literal', 'records + 0xff', 10, 'decimal'],
  ['chained comparison', 'records < tenure < groups', 0, 'chained comparisons'],
  ['non-finite constant', 'records * NaN', 10, 'unknown variable `NaN`'],
  ['null', 'null', 0, 'unknown variable `null`'],
  ['wrong arity', 'records + pow(records)', 10, 'pow takes two arguments'],
  ['no argument to an aggregate', 'tenure * sum()', 9, 'sum takes at least one argument'],
  ['several arguments to count', 'count(records, tenure)', 0, 'count takes one argument'],
  ['empty formula', '   ', 0, 'empty'],
  ['syntax error', 'records +', 9, 'Unexpected end'],
  ['non-ASCII character', 'records × 2', 8, 'unexpected character'],
];

describe('dividend formula refusals (one per forbidden construct)', () => {
  it.each(FORBIDDEN)('refuses %s', (_construct, formula, position, reason) => {
    const e = refusal(formula);
    expect(e.position).toBe(position);
    expect(e.reason).toContain(reason);
    expect(e.message).toContain(formula.split('\n')[0]);
  });
});

// The escapes on the mathjs security page (https://mathjs.org/docs/expressions/security.html: import, createUnit,
// evaluate, parse, simplify, derivative) and the published exploits of mathjs issues #821 and #822, plus the
// functions disabled by later advisories (chain, reviver).
const ESCAPES: [string, string, number, string][] = [
  ['import (security page)', 'import({matrix: records}, {override: true})', 0, 'unknown function `import`'],
  ['createUnit (security page)', 'createUnit("foo")', 0, 'unknown function `createUnit`'],
  ['evaluate (security page)', 'evaluate("1 + 1")', 0, 'unknown function `evaluate`'],
  ['parse (security page)', 'parse("2 + 3")', 0, 'unknown function `parse`'],
  ['simplify (security page)', 'simplify("2 * records")', 0, 'unknown function `simplify`'],
  ['derivative (security page)', 'derivative("records^2", "records")', 0, 'unknown function `derivative`'],
  [
    'Function constructor via a function (#821)',
    'cos.constructor("return process")()',
    0,
    'unknown variable `cos`',
  ],
  ['Function constructor via a variable', 'records.constructor("return process")()', 7, 'property access'],
  ['matrix _data map (#821)', '["a", "b"]._data.map(cos.constructor)[1]()', 0, 'matrices'],
  [
    'import override (#821)',
    'import({matrix: cos.constructor}, {override: 1})',
    0,
    'unknown function `import`',
  ],
  [
    'Object.assign on an object literal (#822)',
    '{}.constructor.assign(cos.constructor, {binding: cos.bind})',
    0,
    'objects',
  ],
  ['aliasing a disabled function', 'f = parse; f("1")', 0, 'unknown variable `f`'],
  ['chain (disabled in the parser)', 'chain(records)', 0, 'unknown function `chain`'],
  ['reviver (2024 advisory)', 'reviver("x", records)', 0, 'unknown function `reviver`'],
  ['toString on a value', 'records.toString()', 7, 'property access'],
];

describe('dividend formula refusals of the known mathjs escapes', () => {
  it.each(ESCAPES)('refuses %s', (_escape, formula, position, reason) => {
    const e = refusal(formula);
    expect(e.position).toBe(position);
    expect(e.reason).toContain(reason);
  });
});

describe('the refusal message', () => {
  it('shows the formula and a caret under the problem', () => {
    const e = refusal('0.5 * records + wealth / 2');
    expect(e.message).toBe(
      [
        'dividends.formula: unknown variable `wealth` (known: records, hours_given, hours_received, value_given, ' +
          'privacy_spent, tenure, groups, count) (at char 17)',
        '  0.5 * records + wealth / 2',
        '                  ^',
      ].join('\n'),
    );
  });

  it('puts the caret on the line of a problem inside a multi-line formula', () => {
    const e = refusal('(records\n + wealth)');
    expect(e.position).toBe(12);
    expect(e.message.split('\n').slice(1)).toEqual(['   + wealth)', '     ^']);
  });

  // Problems found in the mathjs tree (not by the scanner): the caret comes from matching tree leaves to tokens.
  it.each([
    ['true + -2 records + pow(records)', 20],
    ['max(records, sum(tenure)) ? 1 : floor(2, 3)', 32],
    ['(records) (tenure) + round(1,2)', 21],
    ['records + (tenure < groups < 3)', 11],
    ['2^-records * log(1,2,3)', 13],
    ['e pi count(records, 1)', 5],
    ['count + sqrt()', 8],
    ['not records and abs(records, 1)', 16],
  ])('places the caret of a tree-level problem in %j at %i', (formula, position) => {
    expect(refusal(formula).position).toBe(position);
  });

  it('reports the earliest of several problems', () => {
    expect(refusal('wealth + records.x').position).toBe(0);
    expect(refusal('records.x + wealth').position).toBe(7);
  });
});

describe('formulas too large for the parser are refused before it runs, never a stack overflow', () => {
  it('refuses a formula longer than the limit at the first character past it', () => {
    for (const size of [20_000, 1_000_000]) {
      const e = refusal('1+'.repeat(size / 2));
      expect(e.reason).toContain(`longer than ${LIMITS.formulaLength} characters`);
      expect(e.position).toBe(LIMITS.formulaLength);
    }
  });

  it('refuses parentheses nested past the limit, at the first one too deep', () => {
    const deep = LIMITS.formulaNesting + 1;
    const e = refusal('('.repeat(deep) + 'records' + ')'.repeat(deep));
    expect(e.reason).toContain(`nested deeper than ${LIMITS.formulaNesting}`);
    expect(e.position).toBe(LIMITS.formulaNesting);
    const fits = LIMITS.formulaNesting;
    expect(compileFormula('sqrt('.repeat(fits) + 'records' + ')'.repeat(fits)).uses).toEqual(['records']);
  });

  it('refuses chains of operations deeper than the limit, within the length limit', () => {
    for (const op of ['+', '^', ' and ']) {
      const formula = Array.from({ length: LIMITS.formulaDepth + 5 }, () => '1').join(op);
      expect(formula.length).toBeLessThanOrEqual(LIMITS.formulaLength);
      expect(refusal(formula).reason).toMatch(/operations inside one another|nested too deeply/);
    }
    expect(refusal('-'.repeat(LIMITS.formulaLength - 1) + '1').reason).toMatch(/inside one another|deeply/);
  });
});

describe('a logarithm with a constant base that is not positive or is 1 is refused', () => {
  it.each([['log(records, 0)'], ['log(records, 1)'], ['log(records + 1, 0)']])('%s', (formula) => {
    const e = refusal(formula);
    expect(e.reason).toContain('the base of a logarithm must be positive and not 1');
    expect(e.position).toBe(formula.lastIndexOf(', ') + 2);
  });

  it('accepts a positive base', () => {
    expect(compileFormula('log(records + 1, 2)').uses).toEqual(['records']);
  });
});

describe('a dividend formula with a syntax error', () => {
  it('is refused at the slip, saying what a formula may hold', () => {
    const e = refusal('records * (2 +');
    expect(e.position).toBe(14);
    expect(e.reason).toMatch(
      /^Unexpected end of expression \(allowed: numbers; the variables .*records.*count; /,
    );
    expect(e.reason).toMatch(/\+ - \* \/ \^ mod.*the functions abs, sqrt, .*mean, count\)$/);
  });
});
