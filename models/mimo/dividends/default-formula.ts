import type { Expr } from './formula/ir.js';
import { rememberFormula } from './formula/validate.js';
import { MEMBER_VARIABLE_NAMES } from './variables.js';

/** The default formula: half an equal share, half in proportion to records contributed. */
export const DEFAULT_DIVIDEND_FORMULA = '0.5 / count + 0.5 * records / max(sum(records), 1)';

/**
 * What the default formula parses to (its test checks this against the parser): known in advance, a scenario
 * that keeps the default needs no formula parser, which spares every study worker the time to build one.
 */
export const DEFAULT_DIVIDEND_EXPR: Expr = {
  k: 'bin',
  op: 'add',
  a: { k: 'bin', op: 'div', a: { k: 'num', v: 0.5 }, b: { k: 'size' } },
  b: {
    k: 'bin',
    op: 'div',
    a: { k: 'bin', op: 'mul', a: { k: 'num', v: 0.5 }, b: { k: 'var', name: 'records' } },
    b: {
      k: 'bin',
      op: 'max',
      a: { k: 'agg', op: 'sum', a: { k: 'var', name: 'records' } },
      b: { k: 'num', v: 1 },
    },
  },
};

rememberFormula(DEFAULT_DIVIDEND_FORMULA, MEMBER_VARIABLE_NAMES, DEFAULT_DIVIDEND_EXPR);
