import { FormulaError } from './formula-error.js';

/** One token of a dividend formula, with its 0-based position. */
export interface Token {
  readonly kind: 'number' | 'name' | 'op';
  readonly text: string;
  readonly pos: number;
}

/** Word operators the language allows. */
const WORD_OPERATORS = new Set(['and', 'or', 'not', 'mod']);
/** Word operators of mathjs the language refuses. */
const REFUSED_WORDS: Record<string, string> = {
  xor: 'operator `xor` is not allowed (use and, or, not)',
  to: 'unit conversion `to` is not allowed',
  in: 'unit conversion `in` is not allowed',
};
const TWO_CHAR_OPS = new Set(['<=', '>=', '==', '!=']);
const ONE_CHAR_OPS = new Set(['+', '-', '*', '/', '^', '(', ')', ',', '?', ':', '<', '>']);

/** Characters refused outright, with the reason shown under the caret. */
const REFUSED_CHARS: Record<string, string> = {
  '=': 'assignment `=` is not allowed (compare with ==)',
  '.': 'property access and element-wise operators (`.`) are not allowed',
  '[': 'matrices and indexing (`[ ]`) are not allowed',
  ']': 'matrices and indexing (`[ ]`) are not allowed',
  '{': 'objects (`{ }`) are not allowed',
  '}': 'objects (`{ }`) are not allowed',
  '"': 'strings are not allowed',
  "'": "strings and transpose (`'`) are not allowed",
  '`': 'strings are not allowed',
  ';': 'a formula is one expression: `;` (blocks) is not allowed',
  '#': 'comments (`#`) are not allowed',
  '!': 'factorial `!` is not allowed (use != for "not equal")',
  '%': 'percent/modulo sign `%` is not allowed (write `a mod b`)',
  '&': 'bitwise operators are not allowed (use and)',
  '|': 'bitwise operators are not allowed (use or)',
  '~': 'bitwise operators are not allowed (use not)',
  '@': 'unexpected character `@`',
  '\\': 'unexpected character `\\`',
};

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isNameStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNamePart = (c: string): boolean => isNameStart(c) || isDigit(c);

/** A problem found while scanning: where, and what is wrong. */
export interface Problem {
  readonly pos: number;
  readonly reason: string;
}

/** The tokens up to the first refused character or word, and that problem (null if none). */
export interface Scan {
  readonly tokens: Token[];
  readonly problem: Problem | null;
}

/**
 * Splits a formula into tokens and stops at the first character or word outside the language: strings,
 * matrices, objects, property access, assignment, blocks, comments, bitwise and unit operators and ranges are
 * refused here, with their position, before mathjs ever sees the formula.
 */
export function scan(formula: string): Scan {
  const tokens: Token[] = [];
  try {
    tokenizeInto(formula, tokens);
    return { tokens, problem: null };
  } catch (e) {
    if (e instanceof FormulaError) return { tokens, problem: { pos: e.position, reason: e.reason } };
    throw e;
  }
}

/** The tokens of `formula`; throws a `FormulaError` at the first refused character or word. */
export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  tokenizeInto(formula, tokens);
  return tokens;
}

function tokenizeInto(formula: string, tokens: Token[]): void {
  // Unmatched `?` per parenthesis level: a `:` is only allowed as the second half of a conditional.
  const pendingStack: number[] = [];
  let pending = 0;
  let depth = 0;
  const refuse = (pos: number, reason: string): never => {
    throw new FormulaError(formula, pos, reason);
  };
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      if (depth === 0)
        refuse(i, 'a formula is one expression: a line break outside parentheses starts a block');
      i++;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(formula[i + 1] ?? ''))) {
      const start = i;
      if (c === '0' && /[xXbBoO]/.test(formula[i + 1] ?? '')) refuse(i, 'only decimal numbers are allowed');
      while (isDigit(formula[i] ?? '')) i++;
      if (formula[i] === '.') {
        i++;
        while (isDigit(formula[i] ?? '')) i++;
      }
      if ((formula[i] === 'e' || formula[i] === 'E') && /^[eE][+-]?\d/.test(formula.slice(i, i + 3))) {
        i += formula[i + 1] === '+' || formula[i + 1] === '-' ? 2 : 1;
        while (isDigit(formula[i] ?? '')) i++;
      }
      if (formula[i] === '.') refuse(i, REFUSED_CHARS['.']);
      tokens.push({ kind: 'number', text: formula.slice(start, i), pos: start });
      continue;
    }
    if (isNameStart(c)) {
      const start = i;
      while (isNamePart(formula[i] ?? '')) i++;
      const text = formula.slice(start, i);
      if (Object.hasOwn(REFUSED_WORDS, text)) refuse(start, REFUSED_WORDS[text]);
      tokens.push({ kind: WORD_OPERATORS.has(text) ? 'op' : 'name', text, pos: start });
      continue;
    }
    const two = formula.slice(i, i + 2);
    if (two === '<<' || two === '>>') refuse(i, 'bitwise shifts are not allowed');
    if (TWO_CHAR_OPS.has(two)) {
      tokens.push({ kind: 'op', text: two, pos: i });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.has(c)) {
      if (c === '(') {
        pendingStack.push(pending);
        pending = 0;
        depth++;
      } else if (c === ')') {
        if (depth === 0) refuse(i, 'unmatched `)`');
        pending = pendingStack.pop() ?? 0;
        depth--;
      } else if (c === '?') {
        pending++;
      } else if (c === ':') {
        if (pending === 0) refuse(i, 'ranges (`a:b`) are not allowed; `:` only follows `?` in a conditional');
        pending--;
      }
      tokens.push({ kind: 'op', text: c, pos: i });
      i++;
      continue;
    }
    if (c === '=' && formula.slice(0, i).trimEnd().endsWith(')'))
      refuse(i, 'function definitions (`f(x) = ...`) and assignment are not allowed');
    if (Object.hasOwn(REFUSED_CHARS, c)) refuse(i, REFUSED_CHARS[c]);
    refuse(i, `unexpected character ${JSON.stringify(c)}`);
  }
}
