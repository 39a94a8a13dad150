import { create, parseDependencies, type MathNode } from 'mathjs';
import { LIMITS } from '../../../../sim/scenario/limits.js';
import { FormulaError } from './formula-error.js';
import type { AggregateOp, BinaryOp, Expr, UnaryOp } from './ir.js';
import { scan, type Problem, type Token } from './tokens.js';

const BINARY: Record<string, BinaryOp> = {
  add: 'add',
  subtract: 'sub',
  multiply: 'mul',
  divide: 'div',
  pow: 'pow',
  mod: 'mod',
  smaller: 'lt',
  smallerEq: 'le',
  larger: 'gt',
  largerEq: 'ge',
  equal: 'eq',
  unequal: 'ne',
  and: 'and',
  or: 'or',
};
const UNARY_FUNCTIONS: Record<string, UnaryOp> = {
  abs: 'abs',
  sqrt: 'sqrt',
  exp: 'exp',
  log10: 'log10',
  floor: 'floor',
  ceil: 'ceil',
  round: 'round',
  sign: 'sign',
};
/** Every function name the language knows, for the refusal message. */
export const FORMULA_FUNCTIONS: readonly string[] = [
  ...Object.keys(UNARY_FUNCTIONS),
  'log',
  'pow',
  'min',
  'max',
  'sum',
  'mean',
  'count',
];
/** Named constants. */
const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, true: 1, false: 0 };
/** The population size, usable as a bare name. */
const SIZE_NAME = 'count';

/** Names a model may not use for a member variable (they mean something else in a formula). */
export function reservedNames(): readonly string[] {
  return [...FORMULA_FUNCTIONS, ...Object.keys(CONSTANTS), 'and', 'or', 'not', 'mod', 'xor', 'to', 'in'];
}

/**
 * What a formula may hold, said after a syntax error (mathjs's own message, e.g. "Unexpected end of expression",
 * names the slip but not the language), as an unknown name's message lists the names.
 */
function allowedSummary(variables: readonly string[]): string {
  return (
    `allowed: numbers; the variables ${[...variables, SIZE_NAME].join(', ')}; ` +
    `+ - * / ^ mod, < <= > >= == !=, and or not, c ? a : b, ( ); ` +
    `the functions ${FORMULA_FUNCTIONS.join(', ')}`
  );
}

/** mathjs's parser alone, made on first use: the full mathjs instance costs most of a second at start-up. */
let parser: ((text: string) => MathNode) | null = null;
function mathParse(text: string): MathNode {
  parser ??= create({ parseDependencies }).parse;
  return parser(text);
}

/**
 * Formulas this process has validated, by variables and text. A study's worker validates every run's scenario, and
 * the first parse builds mathjs's parser (about a tenth of a second): a formula seen before, or one known in
 * advance (`rememberFormula`), needs neither. Expressions are immutable, so sharing one is safe.
 */
const validated = new Map<string, Expr>();
/** Formulas remembered at most (a designer trying one formula after another keeps the latest). */
const REMEMBERED = 64;

function formulaKey(formula: string, variables: readonly string[]): string {
  return `${variables.join(',')}\n${formula}`;
}

/**
 * Records `expr` as what `parseFormula(formula, variables)` returns, so that validating that formula needs no
 * parser: for a built-in formula, whose test checks the two agree.
 */
export function rememberFormula(formula: string, variables: readonly string[], expr: Expr): void {
  const key = formulaKey(formula, variables);
  validated.delete(key);
  if (validated.size >= REMEMBERED) validated.delete(validated.keys().next().value!);
  validated.set(key, expr);
}

/**
 * `parseFormula`, remembered: the validated expression of a formula seen before in this process is returned as is.
 * Throws a `FormulaError` showing the formula and a caret at the first problem.
 */
export function validateFormula(formula: string, variables: readonly string[]): Expr {
  const known = validated.get(formulaKey(formula, variables));
  if (known) return known;
  const expr = parseFormula(formula, variables);
  rememberFormula(formula, variables, expr);
  return expr;
}

/**
 * Parses `formula` with mathjs and checks its tree against the allow-list, returning the validated expression.
 * Throws a `FormulaError` showing the formula and a caret at the first problem.
 */
export function parseFormula(formula: string, variables: readonly string[]): Expr {
  if (formula.trim() === '') throw new FormulaError(formula, 0, 'the formula is empty');
  if (formula.length > LIMITS.formulaLength)
    throw new FormulaError(
      formula,
      LIMITS.formulaLength,
      `longer than ${LIMITS.formulaLength} characters (got ${formula.length})`,
    );
  const { tokens, problem } = scan(formula);
  // Report the earliest problem: a name refused before a refused character comes first.
  const first = [problem, nameProblem(tokens, variables)]
    .filter((p): p is Problem => p !== null)
    .sort((a, b) => a.pos - b.pos)[0];
  if (first) throw new FormulaError(formula, first.pos, first.reason);
  const nested = tooDeep(tokens);
  if (nested) throw new FormulaError(formula, nested.pos, nested.reason);
  let tree: MathNode;
  try {
    tree = mathParse(formula);
  } catch (e) {
    if (e instanceof RangeError) throw new FormulaError(formula, 0, 'nested too deeply');
    const message = e instanceof Error ? e.message : String(e);
    const char = /\(char (\d+)\)/.exec(message);
    const position = char ? Number(char[1]) - 1 : 0;
    const reason = message.replace(/\s*\(char \d+\)/, '');
    throw new FormulaError(formula, position, `${reason} (${allowedSummary(variables)})`);
  }
  // mathjs nodes carry no positions: its leaves (numbers, names) appear in the tree in source order, so the
  // n-th leaf visited is the n-th number-or-name token.
  const leaves = tokens.filter((t) => t.kind !== 'op');
  let expr: Expr;
  try {
    expr = new Checker(formula, new Set(variables), leaves).check(tree);
  } catch (e) {
    if (e instanceof RangeError) throw new FormulaError(formula, 0, 'nested too deeply');
    throw e;
  }
  if (depthOf(expr) > LIMITS.formulaDepth)
    throw new FormulaError(
      formula,
      0,
      `more than ${LIMITS.formulaDepth} operations inside one another: write it shorter (e.g. sum(x) for a long sum)`,
    );
  return expr;
}

/** The first parenthesis nested deeper than `LIMITS.formulaNesting`, or null. */
function tooDeep(tokens: readonly Token[]): Problem | null {
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(' && ++depth > LIMITS.formulaNesting)
      return { pos: t.pos, reason: `parentheses nested deeper than ${LIMITS.formulaNesting} levels` };
    if (t.text === ')') depth--;
  }
  return null;
}

/** Depth of an expression tree, without recursion. */
function depthOf(root: Expr): number {
  let deepest = 0;
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length) {
    const [e, d] = stack.pop()!;
    deepest = Math.max(deepest, d);
    if (e.k === 'un' || e.k === 'agg') stack.push([e.a, d + 1]);
    else if (e.k === 'bin') stack.push([e.a, d + 1], [e.b, d + 1]);
    else if (e.k === 'cond') stack.push([e.c, d + 1], [e.t, d + 1], [e.f, d + 1]);
  }
  return deepest;
}

/** The first name that is not a known variable, constant or function, or is called but is not a function. */
function nameProblem(tokens: readonly Token[], variables: readonly string[]): Problem | null {
  const vars = new Set(variables);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'name') continue;
    const called = tokens[i + 1]?.text === '(';
    const reason = called ? callProblem(t.text, vars) : symbolProblem(t.text, vars);
    if (reason) return { pos: t.pos, reason };
  }
  return null;
}

function callProblem(name: string, vars: ReadonlySet<string>): string | null {
  if (FORMULA_FUNCTIONS.includes(name)) return null;
  const what = vars.has(name) ? `\`${name}\` is a variable, not a function` : `unknown function \`${name}\``;
  return `${what} (allowed: ${FORMULA_FUNCTIONS.join(', ')})`;
}

function symbolProblem(name: string, vars: ReadonlySet<string>): string | null {
  if (vars.has(name) || name === SIZE_NAME || Object.hasOwn(CONSTANTS, name)) return null;
  if (FORMULA_FUNCTIONS.includes(name)) return `${name} is a function: call it, e.g. ${name}(records)`;
  return `unknown variable \`${name}\` (known: ${[...vars, SIZE_NAME].join(', ')})`;
}

class Checker {
  private leaf = 0;

  constructor(
    private readonly formula: string,
    private readonly variables: ReadonlySet<string>,
    private readonly leaves: readonly Token[],
  ) {}

  check(node: MathNode): Expr {
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case 'ConstantNode': {
        const pos = this.nextLeaf();
        const v = n.value;
        if (typeof v === 'boolean') return { k: 'num', v: v ? 1 : 0 };
        if (typeof v !== 'number' || !Number.isFinite(v))
          this.fail(pos, `constant ${String(v)} is not allowed (finite numbers only)`);
        return { k: 'num', v: v as number };
      }
      case 'SymbolNode':
        return this.symbol(String(n.name), this.nextLeaf());
      case 'ParenthesisNode':
        return this.check(n.content as MathNode);
      case 'ConditionalNode':
        return {
          k: 'cond',
          c: this.check(n.condition as MathNode),
          t: this.check(n.trueExpr as MathNode),
          f: this.check(n.falseExpr as MathNode),
        };
      case 'OperatorNode':
        return this.operator(String(n.fn), String(n.op), n.args as MathNode[]);
      case 'FunctionNode':
        return this.call(n.fn as MathNode, n.args as MathNode[]);
      default:
        return this.fail(this.positionOf(node), this.refusal(node.type));
    }
  }

  private symbol(name: string, pos: number): Expr {
    if (this.variables.has(name)) return { k: 'var', name };
    if (name === SIZE_NAME) return { k: 'size' };
    if (Object.hasOwn(CONSTANTS, name)) return { k: 'num', v: CONSTANTS[name] };
    return this.fail(pos, symbolProblem(name, this.variables) ?? `name \`${name}\` is not allowed`);
  }

  private operator(fn: string, op: string, args: MathNode[]): Expr {
    const pos = this.positionOf(args[0]);
    if (args.length === 1 && (fn === 'unaryMinus' || fn === 'unaryPlus' || fn === 'not')) {
      const a = this.check(args[0]);
      if (fn === 'unaryPlus') return a;
      return { k: 'un', op: fn === 'not' ? 'not' : 'neg', a };
    }
    if (args.length === 2 && Object.hasOwn(BINARY, fn)) {
      const a = this.check(args[0]);
      return { k: 'bin', op: BINARY[fn], a, b: this.check(args[1]) };
    }
    return this.fail(pos, `operator \`${op}\` is not allowed`);
  }

  private call(fnNode: MathNode, args: MathNode[]): Expr {
    if (fnNode.type !== 'SymbolNode')
      return this.fail(this.positionOf(fnNode), 'only named functions may be called');
    const pos = this.nextLeaf();
    const name = String((fnNode as MathNode & { name: string }).name);
    const refused = callProblem(name, this.variables);
    if (refused) return this.fail(pos, refused);
    const arity = (ok: boolean, expected: string): void => {
      if (!ok) this.fail(pos, `${name} takes ${expected} (got ${args.length})`);
    };
    if (Object.hasOwn(UNARY_FUNCTIONS, name)) {
      arity(args.length === 1, 'one argument');
      return { k: 'un', op: UNARY_FUNCTIONS[name], a: this.check(args[0]) };
    }
    if (name === 'log') {
      arity(args.length === 1 || args.length === 2, 'one or two arguments (x, base)');
      const a = this.check(args[0]);
      if (args.length === 1) return { k: 'un', op: 'log', a };
      const basePos = this.positionOf(args[1]);
      const b = this.check(args[1]);
      if (b.k === 'num' && !(b.v > 0 && b.v !== 1))
        this.fail(basePos, `the base of a logarithm must be positive and not 1 (got ${b.v})`);
      return { k: 'bin', op: 'logb', a, b };
    }
    if (name === 'pow') {
      arity(args.length === 2, 'two arguments');
      const a = this.check(args[0]);
      return { k: 'bin', op: 'pow', a, b: this.check(args[1]) };
    }
    if (name === 'count') {
      arity(args.length === 1, 'one argument (a condition); the bare name `count` is the number of members');
      return { k: 'agg', op: 'count', a: this.check(args[0]) };
    }
    arity(args.length >= 1, 'at least one argument');
    const xs = args.map((a) => this.check(a));
    // One argument: a population aggregate. Several: element-wise per member.
    if (xs.length === 1) return { k: 'agg', op: name as AggregateOp, a: xs[0] };
    const op: BinaryOp = name === 'min' ? 'min' : name === 'max' ? 'max' : 'add';
    let acc = xs[0];
    for (let i = 1; i < xs.length; i++) acc = { k: 'bin', op, a: acc, b: xs[i] };
    if (name === 'mean') acc = { k: 'bin', op: 'div', a: acc, b: { k: 'num', v: xs.length } };
    return acc;
  }

  private refusal(type: string): string {
    switch (type) {
      case 'AssignmentNode':
        return 'assignment is not allowed';
      case 'FunctionAssignmentNode':
        return 'function definitions are not allowed';
      case 'BlockNode':
        return 'a formula is one expression (no blocks)';
      case 'AccessorNode':
        return 'property access and indexing are not allowed';
      case 'IndexNode':
        return 'indexing is not allowed';
      case 'ArrayNode':
        return 'matrices are not allowed';
      case 'ObjectNode':
        return 'objects are not allowed';
      case 'RangeNode':
        return 'ranges are not allowed';
      case 'RelationalNode':
        return 'chained comparisons are not allowed (write (a < b) and (b < c))';
      default:
        return `${type} is not allowed`;
    }
  }

  /** Position of a node's first leaf: the next leaf not yet consumed, since the tree is checked in source order. */
  private positionOf(_node: MathNode | undefined): number {
    return this.leaves[this.leaf]?.pos ?? this.formula.length;
  }

  private nextLeaf(): number {
    const t = this.leaves[this.leaf++];
    return t ? t.pos : 0;
  }

  private fail(pos: number, reason: string): never {
    throw new FormulaError(this.formula, pos, reason);
  }
}
