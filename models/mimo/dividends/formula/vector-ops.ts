import type { BinaryOp, UnaryOp } from './ir.js';

/** Truth of a value in the formula language: non-zero and not NaN. */
export function truthy(x: number): boolean {
  return x !== 0 && x === x;
}

/** Round half away from zero (as mathjs `round`), not JavaScript's half-up. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** Floored modulo with the sign of the divisor (as mathjs `mod`). */
function mod(x: number, y: number): number {
  return y === 0 ? x : x - y * Math.floor(x / y);
}

/** One scalar application of a unary op. */
export function unary(op: UnaryOp, x: number): number {
  switch (op) {
    case 'neg':
      return -x;
    case 'not':
      return truthy(x) ? 0 : 1;
    case 'abs':
      return Math.abs(x);
    case 'sqrt':
      return Math.sqrt(x);
    case 'exp':
      return Math.exp(x);
    case 'log':
      return Math.log(x);
    case 'log10':
      return Math.log10(x);
    case 'floor':
      return Math.floor(x);
    case 'ceil':
      return Math.ceil(x);
    case 'round':
      return roundHalfAway(x);
    case 'sign':
      return Math.sign(x);
  }
}

/** One scalar application of a binary op. */
export function binary(op: BinaryOp, x: number, y: number): number {
  switch (op) {
    case 'add':
      return x + y;
    case 'sub':
      return x - y;
    case 'mul':
      return x * y;
    case 'div':
      return x / y;
    case 'pow':
      return Math.pow(x, y);
    case 'mod':
      return mod(x, y);
    case 'lt':
      return x < y ? 1 : 0;
    case 'le':
      return x <= y ? 1 : 0;
    case 'gt':
      return x > y ? 1 : 0;
    case 'ge':
      return x >= y ? 1 : 0;
    case 'eq':
      return x === y ? 1 : 0;
    case 'ne':
      return x !== y ? 1 : 0;
    case 'and':
      return truthy(x) && truthy(y) ? 1 : 0;
    case 'or':
      return truthy(x) || truthy(y) ? 1 : 0;
    case 'min':
      return Math.min(x, y);
    case 'max':
      return Math.max(x, y);
    case 'logb':
      return Math.log(x) / Math.log(y);
  }
}

/** out[i] = op(a[i]) for i < n: the switch is outside the loop so each loop stays monomorphic. */
export function unaryInto(op: UnaryOp, a: Float64Array, out: Float64Array, n: number): void {
  switch (op) {
    case 'neg':
      for (let i = 0; i < n; i++) out[i] = -a[i];
      return;
    case 'abs':
      for (let i = 0; i < n; i++) out[i] = Math.abs(a[i]);
      return;
    case 'sqrt':
      for (let i = 0; i < n; i++) out[i] = Math.sqrt(a[i]);
      return;
    case 'exp':
      for (let i = 0; i < n; i++) out[i] = Math.exp(a[i]);
      return;
    case 'log':
      for (let i = 0; i < n; i++) out[i] = Math.log(a[i]);
      return;
    case 'floor':
      for (let i = 0; i < n; i++) out[i] = Math.floor(a[i]);
      return;
    default:
      for (let i = 0; i < n; i++) out[i] = unary(op, a[i]);
  }
}

/** out[i] = op(a[i], b[i]) for i < n (out may alias a or b). */
export function binaryInto(
  op: BinaryOp,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  n: number,
): void {
  switch (op) {
    case 'add':
      for (let i = 0; i < n; i++) out[i] = a[i] + b[i];
      return;
    case 'sub':
      for (let i = 0; i < n; i++) out[i] = a[i] - b[i];
      return;
    case 'mul':
      for (let i = 0; i < n; i++) out[i] = a[i] * b[i];
      return;
    case 'div':
      for (let i = 0; i < n; i++) out[i] = a[i] / b[i];
      return;
    case 'min':
      for (let i = 0; i < n; i++) out[i] = Math.min(a[i], b[i]);
      return;
    case 'max':
      for (let i = 0; i < n; i++) out[i] = Math.max(a[i], b[i]);
      return;
    case 'gt':
      for (let i = 0; i < n; i++) out[i] = a[i] > b[i] ? 1 : 0;
      return;
    case 'lt':
      for (let i = 0; i < n; i++) out[i] = a[i] < b[i] ? 1 : 0;
      return;
    default:
      for (let i = 0; i < n; i++) out[i] = binary(op, a[i], b[i]);
  }
}
