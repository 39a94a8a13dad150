import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIVIDEND_EXPR,
  DEFAULT_DIVIDEND_FORMULA,
} from '../../../../models/mimo/dividends/default-formula.js';
import { FormulaError } from '../../../../models/mimo/dividends/formula/formula-error.js';
import { parseFormula, validateFormula } from '../../../../models/mimo/dividends/formula/validate.js';
import { MEMBER_VARIABLE_NAMES } from '../../../../models/mimo/dividends/variables.js';

describe('the default dividend formula, known in advance', () => {
  it('is exactly what the parser makes of it', () => {
    expect(parseFormula(DEFAULT_DIVIDEND_FORMULA, MEMBER_VARIABLE_NAMES)).toEqual(DEFAULT_DIVIDEND_EXPR);
  });

  it('is validated without parsing: the known expression is returned', () => {
    expect(validateFormula(DEFAULT_DIVIDEND_FORMULA, MEMBER_VARIABLE_NAMES)).toBe(DEFAULT_DIVIDEND_EXPR);
  });

  it('is known only over the variables it was checked with', () => {
    expect(() => validateFormula(DEFAULT_DIVIDEND_FORMULA, ['karma'])).toThrow(FormulaError);
  });
});

describe('remembered formulas', () => {
  it('parse once: the same expression comes back for the same text and variables', () => {
    const first = validateFormula('records * 2 + 1', MEMBER_VARIABLE_NAMES);
    expect(validateFormula('records * 2 + 1', MEMBER_VARIABLE_NAMES)).toBe(first);
    expect(validateFormula('records * 2 + 1', ['records'])).not.toBe(first);
  });

  it('are never refused ones: a bad formula is refused every time', () => {
    for (let i = 0; i < 2; i++)
      expect(() => validateFormula('records +', MEMBER_VARIABLE_NAMES)).toThrow(FormulaError);
  });
});
