import type { Ais } from '../ais/ais.js';
import { compileFormula } from './formula/formula.js';
import { FormulaError } from './formula/formula-error.js';
import { payLargestRemainder } from './payout.js';
import { MEMBER_VARIABLE_NAMES } from './variables.js';
import { sanitizeWeights, type WeightIssues } from './weights.js';
import { fillMemberVariables } from './member-variables.js';
import type { Population } from '../economy/population.js';

/** A problem in a user's formula, at a character position (0-based). */
export interface FormulaProblem {
  /** The whole message: the reason, the formula and a caret under the problem. */
  readonly message: string;
  readonly reason: string;
  readonly position: number;
}

/** What the formula designer computes on the current population: a payout per member of a pool. */
export interface FormulaDesign {
  /** Why the formula was refused, or null. */
  readonly problem: FormulaProblem | null;
  /** Each member's payout of the pool (whole minor units summing to the pool); empty when refused. */
  readonly payouts: Float64Array;
  /** Each member's contribution, to compare payouts with, and the name of that variable. */
  readonly contribution: Float64Array;
  readonly contributionName: string;
  /** Variables the formula uses that are 0 for every member now (a hint, e.g. no records without AIS). */
  readonly constantZero: readonly string[];
  /** Weights the formula gave that were negative or not finite, set to 0 as a payout does; null when refused. */
  readonly zeroed: WeightIssues | null;
  /** Members paid at least one minor unit (0 when every weight is 0: a payout then carries the pool over). */
  readonly recipients: number;
}

/**
 * The formula designer: pays `pool` minor units by `formula` on the population as it is at `tick`, exactly as a
 * dividend payout would (the same variables, weights cleaned the same way, largest-remainder rounding), and says
 * what it is compared with: records contributed when AIS is on, hours given otherwise.
 */
export function designFormula(
  population: Population,
  ais: Ais | null,
  formula: string,
  pool: number,
  tick: number,
): FormulaDesign {
  const n = population.n;
  const contributionName = ais ? 'records' : 'hours_given';
  let compiled;
  try {
    compiled = compileFormula(formula, MEMBER_VARIABLE_NAMES);
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
    const problem = { message: e.message, reason: e.reason, position: e.position };
    return {
      problem,
      payouts: new Float64Array(0),
      contribution: new Float64Array(0),
      contributionName,
      constantZero: [],
      zeroed: null,
      recipients: 0,
    };
  }
  const names = [...new Set([...compiled.uses, contributionName])];
  const columns: Record<string, Float64Array> = {};
  for (const name of names) columns[name] = new Float64Array(n);
  fillMemberVariables(names, columns, population, ais, tick);
  const weights = compiled.evaluate(columns, n, new Float64Array(n));
  const zeroed = sanitizeWeights(weights, n);
  const payouts = new Float64Array(n);
  const { recipients } = payLargestRemainder(Math.max(0, Math.floor(pool)), weights, payouts, n);
  const constantZero = compiled.uses.filter((name) => columns[name].every((v) => v === 0));
  return {
    problem: null,
    payouts,
    contribution: columns[contributionName],
    contributionName,
    constantZero,
    zeroed,
    recipients,
  };
}
