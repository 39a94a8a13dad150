import type { AggregateOp, Expr } from './ir.js';
import { binary, binaryInto, truthy, unary, unaryInto } from './vector-ops.js';

/** A per-member input column: any typed array of numbers, at least `n` long. */
export type NumericColumn =
  Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

/** A node's value: one number for all members, or one per member (`temp`: a pool buffer the node may overwrite). */
type Value = number | { readonly buf: Float64Array; readonly temp: boolean };

/**
 * Evaluates a validated formula over whole columns: each node is one pass over all members (scalars stay
 * scalars, so aggregates are computed once). Buffers come from a pool reused across calls; no code is generated.
 */
export class VectorEvaluator {
  private pool: Float64Array[] = [];
  private size = -1;
  private n = 0;
  private columns: Readonly<Record<string, NumericColumn>> = {};

  constructor(private readonly root: Expr) {}

  /** Writes each member's value into `out[0..n)` and returns `out`. */
  evaluate(columns: Readonly<Record<string, NumericColumn>>, n: number, out: Float64Array): Float64Array {
    if (this.size !== n) {
      this.pool = [];
      this.size = n;
    }
    this.n = n;
    this.columns = columns;
    const v = this.eval(this.root);
    if (typeof v === 'number') out.fill(v, 0, n);
    else {
      out.set(v.buf.subarray(0, n));
      this.release(v);
    }
    this.columns = {};
    return out;
  }

  private eval(e: Expr): Value {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'size':
        return this.n;
      case 'var':
        return this.column(e.name);
      case 'un': {
        const a = this.eval(e.a);
        if (typeof a === 'number') return unary(e.op, a);
        const out = this.target(a);
        unaryInto(e.op, a.buf, out.buf, this.n);
        return out;
      }
      case 'bin': {
        const a = this.eval(e.a);
        const b = this.eval(e.b);
        if (typeof a === 'number' && typeof b === 'number') return binary(e.op, a, b);
        const va = this.vector(a);
        const vb = this.vector(b);
        const out = va.temp ? va : this.target(vb);
        binaryInto(e.op, va.buf, vb.buf, out.buf, this.n);
        if (out !== va) this.release(va);
        if (out !== vb) this.release(vb);
        return out;
      }
      case 'cond': {
        const c = this.eval(e.c);
        // A scalar condition picks one branch; a per-member one evaluates both and selects per member.
        if (typeof c === 'number') return truthy(c) ? this.eval(e.t) : this.eval(e.f);
        const t = this.vector(this.eval(e.t));
        const f = this.vector(this.eval(e.f));
        const out = c.temp ? c : this.acquire();
        const cb = c.buf;
        const tb = t.buf;
        const fb = f.buf;
        const ob = out.buf;
        for (let i = 0; i < this.n; i++) ob[i] = truthy(cb[i]) ? tb[i] : fb[i];
        if (out !== c) this.release(c);
        this.release(t);
        this.release(f);
        return out;
      }
      case 'agg':
        return this.aggregate(e.op, this.eval(e.a));
    }
  }

  /** A population aggregate; over zero members every aggregate is 0. */
  private aggregate(op: AggregateOp, a: Value): number {
    const n = this.n;
    if (n === 0) return 0;
    if (typeof a === 'number') {
      if (op === 'sum') return a * n;
      if (op === 'count') return truthy(a) ? n : 0;
      return a;
    }
    const x = a.buf;
    let acc = op === 'max' ? -Infinity : op === 'min' ? Infinity : 0;
    if (op === 'sum' || op === 'mean') for (let i = 0; i < n; i++) acc += x[i];
    else if (op === 'max') for (let i = 0; i < n; i++) acc = x[i] > acc || x[i] !== x[i] ? x[i] : acc;
    else if (op === 'min') for (let i = 0; i < n; i++) acc = x[i] < acc || x[i] !== x[i] ? x[i] : acc;
    else for (let i = 0; i < n; i++) if (truthy(x[i])) acc++;
    this.release(a);
    return op === 'mean' ? acc / n : acc;
  }

  private column(name: string): Value {
    const col = this.columns[name];
    if (col === undefined) throw new Error(`dividends.formula: variable \`${name}\` was not provided`);
    if (col.length < this.n)
      throw new Error(`dividends.formula: variable \`${name}\` has ${col.length} values, need ${this.n}`);
    if (col instanceof Float64Array) return { buf: col, temp: false };
    // Other typed arrays are copied once so every loop sees a Float64Array.
    const out = this.acquire();
    for (let i = 0; i < this.n; i++) out.buf[i] = col[i];
    return out;
  }

  private vector(v: Value): { buf: Float64Array; temp: boolean } {
    if (typeof v !== 'number') return v;
    const out = this.acquire();
    out.buf.fill(v, 0, this.n);
    return out;
  }

  /** Where to write a result computed from `a`: `a` itself if it is a temp, else a fresh pool buffer. */
  private target(a: { buf: Float64Array; temp: boolean }): { buf: Float64Array; temp: boolean } {
    return a.temp ? a : this.acquire();
  }

  private acquire(): { buf: Float64Array; temp: boolean } {
    return { buf: this.pool.pop() ?? new Float64Array(this.size), temp: true };
  }

  private release(v: Value): void {
    if (typeof v !== 'number' && v.temp) this.pool.push(v.buf);
  }
}
