import type { Rng } from '../../random/rng.js';
import { JOE_KUO, SOBOL_MAX_DIMENSIONS } from './joe-kuo.js';

const BITS = 32;
const TWO_POW_MINUS_32 = 1 / 4294967296;

/**
 * The 32 direction numbers of one dimension (0-based), as 32-bit words whose top bit is the first binary digit
 * (Bratley & Fox 1988, algorithm 659): the first s come from the table, the rest from the recurrence of the
 * dimension's primitive polynomial, v_k = v_{k−s} ⊕ (v_{k−s} >> s) ⊕ ⊕_{i=1}^{s−1} a_i v_{k−i}.
 */
export function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dimension === 0) {
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const [s, a, ...m] = JOE_KUO[dimension - 1];
  for (let k = 0; k < BITS; k++) {
    if (k < s) {
      v[k] = m[k] * 2 ** (BITS - 1 - k);
      continue;
    }
    let x = v[k - s] ^ (v[k - s] >>> s);
    for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) x ^= v[k - i];
    v[k] = x >>> 0;
  }
  return v;
}

/**
 * A random linear matrix scramble (Matoušek 1998) of one dimension's direction numbers: each binary digit of a
 * point becomes its own digit XOR a random combination of the digits before it (a random lower-triangular matrix
 * with a unit diagonal). It keeps the sequence a digital net with the same balance properties; together with a
 * random digital shift it is the "LMS + shift" randomisation (Owen 2003; scipy's default scramble).
 */
function scrambleDirections(v: Uint32Array, rng: Rng): void {
  // rows[i]: which digits (bit 31 − j for digit j) feed digit i: digit i itself and a random subset of j < i.
  const rows = new Uint32Array(BITS);
  for (let i = 0; i < BITS; i++) {
    const above = i === 0 ? 0 : (rng.nextU32() & ~(2 ** (BITS - i) - 1)) >>> 0;
    rows[i] = (above | (2 ** (BITS - 1 - i))) >>> 0;
  }
  for (let k = 0; k < BITS; k++) {
    let out = 0;
    for (let i = 0; i < BITS; i++) if (parity(v[k] & rows[i])) out |= 2 ** (BITS - 1 - i);
    v[k] = out >>> 0;
  }
}

function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/**
 * The first `count` points of the `dimensions`-dimensional Sobol' sequence with Joe–Kuo direction numbers, in
 * Gray-code order (Antonov & Saleev 1979) starting from the origin, point-major: out[n * dimensions + j] ∈ [0, 1).
 * With `scramble`, each dimension gets a random linear matrix scramble and a random digital shift drawn from it.
 * The first point is kept (Owen 2020: dropping it spoils the balance of the first 2^m points).
 */
export function sobolSequence(count: number, dimensions: number, scramble: Rng | null = null): Float64Array {
  if (dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(
      `the Sobol' sequence here has 1 to ${SOBOL_MAX_DIMENSIONS} dimensions (got ${dimensions})`,
    );
  }
  if (!Number.isSafeInteger(count) || count < 0 || count > 2 ** BITS) {
    throw new RangeError(`at most 2^32 Sobol' points (got ${count})`);
  }
  const directions: Uint32Array[] = [];
  const x = new Uint32Array(dimensions);
  for (let j = 0; j < dimensions; j++) {
    const v = directionNumbers(j);
    if (scramble) {
      scrambleDirections(v, scramble);
      x[j] = scramble.nextU32(); // the digital shift: the origin moves to a random point, and so does every point
    }
    directions.push(v);
  }
  const out = new Float64Array(count * dimensions);
  for (let n = 0; n < count; n++) {
    if (n > 0) {
      const c = trailingZeros(n); // Gray code: point n differs from point n − 1 in direction c
      for (let j = 0; j < dimensions; j++) x[j] ^= directions[j][c];
    }
    for (let j = 0; j < dimensions; j++) out[n * dimensions + j] = x[j] * TWO_POW_MINUS_32;
  }
  return out;
}

function trailingZeros(n: number): number {
  let c = 0;
  while (n % 2 === 0) {
    n /= 2;
    c++;
  }
  return c;
}
