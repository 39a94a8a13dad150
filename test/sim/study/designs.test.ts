import { describe, expect, it } from 'vitest';
import { parseSetFlags } from '../../../sim/host/cli/overrides.js';
import { InputError } from '../../../sim/scenario/problems.js';
import {
  designPoints,
  designProblems,
  designSpecSchema,
  sobolBlocks,
  type DesignPoints,
} from '../../../sim/study/design/index.js';
import { factorList, factorsSchema } from '../../../sim/study/factors.js';
import { pointOverrides, pointSetFlags } from '../../../sim/study/overrides.js';

const factors = factorList(
  factorsSchema.parse({
    'params.a': { min: 0, max: 1 },
    'params.b': { min: 10, max: 20, integer: true },
    'params.c': { levels: ['x', 'y', 'z'] },
    'params.d': { min: 1, max: 1000, scale: 'log' },
  }),
);
const d = factors.length;

function build(raw: Record<string, unknown>, on = factors): DesignPoints {
  return designPoints(designSpecSchema.parse(raw), on);
}

/** Rows of a point-major matrix. */
function rows(unit: Float64Array, width: number): number[][] {
  return Array.from({ length: unit.length / width }, (_, p) => [
    ...unit.subarray(p * width, (p + 1) * width),
  ]);
}

describe('designs', () => {
  it('grid: the full factorial, first factor slowest', () => {
    const grid = build({ kind: 'grid', steps: { 'params.a': 3, 'params.d': 2 }, seed: 1 }, factors);
    // a: 3 steps, b: every whole number 10…20 (11), c: 3 levels, d: 2 steps.
    expect(grid.count).toBe(3 * 11 * 3 * 2);
    const keys = new Set(grid.values.map((v) => JSON.stringify(v)));
    expect(keys.size).toBe(grid.count);
    expect(grid.values[0]).toEqual([0, 10, 'x', 1]);
    expect(grid.values[1]).toEqual([0, 10, 'x', 1000]);
    expect(grid.values[2]).toEqual([0, 10, 'y', 1]);
    expect(grid.values.at(-1)).toEqual([1, 20, 'z', 1000]);
    expect(new Set(grid.values.map((v) => v[0]))).toEqual(new Set([0, 0.5, 1]));
    for (let f = 0; f < d; f++) {
      for (const v of grid.values)
        expect(grid.values.filter((w) => w[f] === v[f]).length).toBe(
          grid.count / new Set(grid.values.map((w) => w[f])).size,
        );
    }
  });

  it('grid: refuses a range without steps and more steps than whole numbers', () => {
    expect(designProblems(designSpecSchema.parse({ kind: 'grid' }), factors).map((p) => p.message)).toEqual([
      'a grid needs steps for the range factor params.a (e.g. steps: 5)',
      'a grid needs steps for the range factor params.d (e.g. steps: 5)',
    ]);
    expect(designProblems(designSpecSchema.parse({ kind: 'grid', steps: 12 }), factors)[0].message).toMatch(
      /params.b has only 11 whole numbers from 10 to 20 \(got 12 steps\)/,
    );
    expect(() => build({ kind: 'grid', steps: { 'params.zzz': 2 } })).toThrow(InputError);
  });

  it('random and lhs: samples points, each value inside its factor', () => {
    for (const kind of ['random', 'lhs']) {
      const design = build({ kind, samples: 50 });
      expect(design.count).toBe(50);
      for (const [a, b, c, dd] of design.values) {
        expect(a as number).toBeGreaterThanOrEqual(0);
        expect(a as number).toBeLessThan(1);
        expect(Number.isInteger(b) && (b as number) >= 10 && (b as number) <= 20).toBe(true);
        expect(['x', 'y', 'z']).toContain(c);
        expect(dd as number).toBeGreaterThanOrEqual(1);
        expect(dd as number).toBeLessThan(1000);
      }
    }
  });

  it('lhs: exactly one point in each of the n strata of every factor', () => {
    for (const n of [1, 7, 100]) {
      const design = build({ kind: 'lhs', samples: n, seed: 5 });
      for (let f = 0; f < d; f++) {
        const strata = rows(design.unit, d).map((r) => Math.floor(r[f] * n));
        expect(new Set(strata).size).toBe(n);
        for (const s of strata) expect(s >= 0 && s < n).toBe(true);
      }
    }
  });

  it('sobol: N (d + 2) points in blocks A, B, AB_i; AB_i is A with column i from B', () => {
    const n = 16;
    const design = build({ kind: 'sobol', samples: n });
    expect(design.count).toBe(n * (d + 2));
    expect(design.sobol).toEqual({ base: n, factors: d });
    const all = rows(design.unit, d);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < n; j++) {
        const expected = [...all[j]];
        expected[i] = all[n + j][i];
        expect(all[(2 + i) * n + j]).toEqual(expected);
      }
    }
    const y = Float64Array.from(all.keys());
    const { yA, yB, yAB } = sobolBlocks(y, design.sobol!);
    expect([yA[0], yB[0], yAB[0][0], yAB[d - 1][n - 1]]).toEqual([0, n, 2 * n, (d + 2) * n - 1]);
    expect(() => designSpecSchema.parse({ kind: 'sobol', samples: 100 })).toThrow(/power of 2/);
    const many = factorList(
      factorsSchema.parse(
        Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`params.x${i}`, { min: 0, max: 1 }])),
      ),
    );
    expect(designProblems(designSpecSchema.parse({ kind: 'sobol', samples: 4 }), many)[0].message).toBe(
      'a sobol design takes at most 20 factors (got 21)',
    );
  });

  it('sobol, unscrambled: A and B are the plain sequence (its first point the origin)', () => {
    const design = build({ kind: 'sobol', samples: 4, scramble: false });
    expect(rows(design.unit, d)[0]).toEqual([0, 0, 0, 0]);
    expect(rows(design.unit, d)[4]).toEqual([0, 0, 0, 0]);
    expect(rows(design.unit, d)[1]).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('morris: r (d + 1) points per trajectory, each step moving one factor by ±Δ on the p-level grid', () => {
    const r = 12;
    const p = 6;
    const design = build({ kind: 'morris', trajectories: r, levels: p });
    const delta = p / (2 * (p - 1));
    const m = design.morris!;
    expect(design.count).toBe(r * (d + 1));
    expect(m.delta).toBe(delta);
    const all = rows(design.unit, d);
    for (let t = 0; t < r; t++) {
      const moved = new Set<number>();
      for (let k = 0; k < d; k++) {
        const before = all[t * (d + 1) + k];
        const after = all[t * (d + 1) + k + 1];
        const f = m.factor[t * d + k];
        moved.add(f);
        expect(Math.abs(m.step[t * d + k])).toBe(delta);
        for (let g = 0; g < d; g++) {
          if (g === f) expect(after[g] - before[g]).toBeCloseTo(m.step[t * d + k], 12);
          else expect(after[g]).toBe(before[g]);
        }
      }
      expect(moved.size).toBe(d);
      for (const point of all.slice(t * (d + 1), (t + 1) * (d + 1))) {
        for (const x of point) {
          expect(x >= 0 && x <= 1).toBe(true);
          expect(Math.abs(x * (p - 1) - Math.round(x * (p - 1)))).toBeLessThan(1e-12);
        }
      }
    }
    expect(() => designSpecSchema.parse({ kind: 'morris', levels: 5 })).toThrow(/even/);
  });

  it('are pure functions of the spec and its seed: the same seed the same points, another seed others', () => {
    for (const raw of [
      { kind: 'random', samples: 20 },
      { kind: 'lhs', samples: 20 },
      { kind: 'sobol', samples: 8 },
      { kind: 'morris', trajectories: 4 },
    ]) {
      const a = build({ ...raw, seed: 7 });
      expect(build({ ...raw, seed: 7 })).toEqual(a);
      expect(build({ ...raw, seed: 8 }).unit).not.toEqual(a.unit);
    }
    expect(build({ kind: 'sobol', samples: 8, scramble: false, seed: 1 }).unit).toEqual(
      build({ kind: 'sobol', samples: 8, scramble: false, seed: 2 }).unit,
    );
  });

  it('turn a point into the overrides and --set flags that reproduce it', () => {
    const design = build(
      { kind: 'grid', steps: 2, seed: 1 },
      factorList(
        factorsSchema.parse({
          'params.x': { min: 0.1, max: 0.3 },
          'params.p': { levels: ['nash', 'alternating'] },
        }),
      ),
    );
    expect(pointOverrides(design, 3)).toEqual([
      { path: 'params.x', value: 0.3 },
      { path: 'params.p', value: 'alternating' },
    ]);
    expect(pointSetFlags(design, 3)).toEqual(['params.x=0.3', 'params.p="alternating"']);
    // --set reads the flags back to the very same values, every double to the same bits.
    const sampled = build({ kind: 'sobol', samples: 8 });
    for (let p = 0; p < sampled.count; p++) {
      expect(parseSetFlags(pointSetFlags(sampled, p))).toEqual(pointOverrides(sampled, p));
    }
  });
});
