import { FormulaError } from './formula-error.js';
import type { Expr } from './ir.js';
import { reservedNames, validateFormula } from './validate.js';
import { MEMBER_VARIABLE_NAMES } from '../variables.js';
import { VectorEvaluator, type NumericColumn } from './vector-evaluator.js';

/** A dividend formula that passed validation, ready to evaluate over all members at once. */
export interface DividendFormula {
  /** The formula as written. */
  readonly source: string;
  /** The member variables it reads (each must be passed to `evaluate`). */
  readonly uses: readonly string[];
  /** Writes each member's weight into `out[0..n)` (default: a new array) and returns it; values are not checked. */
  evaluate(columns: Readonly<Record<string, NumericColumn>>, n: number, out?: Float64Array): Float64Array;
}

/**
 * Validates and compiles a dividend formula over the given member variables (default: `MEMBER_VARIABLE_NAMES`).
 * Throws `FormulaError` (message: the formula and a caret at the problem) for anything outside the language.
 */
export function compileFormula(
  source: string,
  variables: readonly string[] = MEMBER_VARIABLE_NAMES,
): DividendFormula {
  const reserved = new Set(reservedNames());
  for (const name of variables) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || reserved.has(name))
      throw new Error(
        `dividends: variable name ${JSON.stringify(name)} is not a plain name or clashes with the language`,
      );
  }
  const expr = validateFormula(source, variables);
  const evaluator = new VectorEvaluator(expr);
  const uses = [...collectVariables(expr, new Set())];
  return {
    source,
    uses,
    evaluate(columns, n, out = new Float64Array(n)) {
      if (out.length < n) throw new Error(`dividends.formula: output has ${out.length} slots, need ${n}`);
      return evaluator.evaluate(columns, n, out);
    },
  };
}

/** The problem with `source` as a message (formula and caret), or null if it is a valid formula. */
export function checkFormula(
  source: string,
  variables: readonly string[] = MEMBER_VARIABLE_NAMES,
): string | null {
  try {
    validateFormula(source, variables);
    return null;
  } catch (e) {
    if (e instanceof FormulaError) return e.message;
    throw e;
  }
}

function collectVariables(e: Expr, into: Set<string>): Set<string> {
  switch (e.k) {
    case 'var':
      into.add(e.name);
      break;
    case 'un':
    case 'agg':
      collectVariables(e.a, into);
      break;
    case 'bin':
      collectVariables(e.a, into);
      collectVariables(e.b, into);
      break;
    case 'cond':
      collectVariables(e.c, into);
      collectVariables(e.t, into);
      collectVariables(e.f, into);
      break;
  }
  return into;
}
