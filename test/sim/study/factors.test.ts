import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemsFromZod } from '../../../sim/scenario/problems.js';
import {
  factorList,
  factorSpecSchema,
  factorsSchema,
  positionedValue,
  sampledValue,
  type FactorSpec,
} from '../../../sim/study/factors.js';

function problems(raw: unknown): string[] {
  const r = factorsSchema.safeParse(raw);
  return r.success ? [] : problemsFromZod(r.error, raw, 'factors').map((p) => `${p.path}: ${p.message}`);
}

const spec = (raw: unknown): FactorSpec => factorSpecSchema.parse(raw);

describe('factor specs', () => {
  it('read ranges and levels, with defaults, in file order', () => {
    const factors = factorList(
      factorsSchema.parse({
        'params.b': { min: 5, max: 50, integer: true },
        'params.a.0.c': { levels: ['nash', 'alternating'] },
        'params.m': { min: 4000, max: 16000, scale: 'log' },
      }),
    );
    expect(factors).toEqual([
      { path: 'params.b', spec: { kind: 'range', min: 5, max: 50, integer: true, scale: 'linear' } },
      { path: 'params.a.0.c', spec: { kind: 'levels', levels: ['nash', 'alternating'] } },
      { path: 'params.m', spec: { kind: 'range', min: 4000, max: 16000, integer: false, scale: 'log' } },
    ]);
  });

  it('publish a JSON Schema (for the study-file schema) with every field described', () => {
    const json = z.toJSONSchema(factorsSchema, { io: 'input' }) as {
      additionalProperties: { properties: Record<string, { description?: string }> };
    };
    const fields = json.additionalProperties.properties;
    expect(Object.keys(fields)).toEqual(['min', 'max', 'integer', 'scale', 'levels']);
    for (const [name, field] of Object.entries(fields)) expect(field.description, name).toBeTruthy();
  });

  it('refuse what cannot be sampled, one clear line each', () => {
    expect(problems({ 'params.x': { min: 1, max: 1 } })).toEqual([
      'factors.params.x.max: max must be greater than min (1) (got 1)',
    ]);
    expect(problems({ 'params.x': { min: 0, max: 9, scale: 'log' } })).toEqual([
      'factors.params.x.min: a log-scale range needs min > 0 (got 0)',
    ]);
    expect(problems({ 'params.x': { levels: [] } })).toEqual([
      'factors.params.x.levels: levels must list at least one value (got [])',
    ]);
    expect(problems({ 'params.x': { levels: [1, 2, 1] } })[0]).toMatch(/levels.2: levels must all differ/);
    expect(problems({ 'params.x': { min: 0.5, max: 3, integer: true } })[0]).toMatch(
      /whole-number min and max/,
    );
    expect(problems({ 'params.x': { min: 1 } })[0]).toMatch(/needs min and max .* or levels/);
    expect(problems({ 'params.x': { min: 1, max: 2, levels: [1] } })[0]).toMatch(
      /either levels or min and max/,
    );
    expect(problems({ 'params.x': { min: 1, max: 2, step: 1 } })).toEqual([
      'factors.params.x.step: unknown field',
    ]);
    expect(problems({ agents: { min: 1, max: 2 } })[0]).toMatch(/starting with "params."/);
    expect(problems({})[0]).toMatch(/at least one factor/);
  });

  it('name a bad factor key, not its value', () => {
    expect(problems({ agents: { min: 1, max: 2 }, 'params.a..b': { min: 1, max: 2 } })).toEqual([
      'factors.agents: a factor is a dotted path starting with "params.", as --set paths are (e.g. params.agents) (got "agents")',
      'factors.params.a..b: a factor is a dotted path starting with "params.", as --set paths are (e.g. params.agents) (got "params.a..b")',
    ]);
  });

  it('map a sample u in [0, 1) uniformly: continuous, log, integers and levels', () => {
    expect(sampledValue(spec({ min: 2, max: 4 }), 0.25)).toBe(2.5);
    expect(sampledValue(spec({ min: 1, max: 100, scale: 'log' }), 0.5)).toBeCloseTo(10, 12);
    // Integers 5…8: four equal quarters of [0, 1).
    const integers = spec({ min: 5, max: 8, integer: true });
    expect([0, 0.249, 0.25, 0.5, 0.75, 0.9999].map((u) => sampledValue(integers, u))).toEqual([
      5, 5, 6, 7, 8, 8,
    ]);
    const levels = spec({ levels: ['a', 'b', 'c'] });
    expect([0, 0.33, 0.34, 0.67, 0.999].map((u) => sampledValue(levels, u))).toEqual([
      'a',
      'a',
      'b',
      'c',
      'c',
    ]);
    // A log integer range: floor of a log-uniform draw in [1, 11): 1 takes ln 2 / ln 11 of [0, 1).
    const logIntegers = spec({ min: 1, max: 10, integer: true, scale: 'log' });
    expect(sampledValue(logIntegers, 0)).toBe(1);
    expect(sampledValue(logIntegers, Math.log(2) / Math.log(11) - 1e-9)).toBe(1);
    expect(sampledValue(logIntegers, Math.log(2) / Math.log(11) + 1e-9)).toBe(2);
    expect(sampledValue(logIntegers, 0.99999)).toBe(10);
  });

  it('gives each whole number of an integer range the same share of many samples', () => {
    const integers = spec({ min: -2, max: 2, integer: true });
    const counts = new Map<unknown, number>();
    for (let k = 0; k < 1000; k++) {
      const v = sampledValue(integers, (k + 0.5) / 1000);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.entries()]).toEqual([
      [-2, 200],
      [-1, 200],
      [0, 200],
      [1, 200],
      [2, 200],
    ]);
  });

  it('map a position t in [0, 1] with both ends included (grid and Morris)', () => {
    expect(positionedValue(spec({ min: 2, max: 4 }), 1)).toBe(4);
    expect(positionedValue(spec({ min: 1, max: 100, scale: 'log' }), 0.5)).toBeCloseTo(10, 12);
    expect(positionedValue(spec({ min: 0, max: 10, integer: true }), 1 / 3)).toBe(3);
    expect([0, 0.5, 1].map((t) => positionedValue(spec({ levels: [true, false, null] }), t))).toEqual([
      true,
      false,
      null,
    ]);
  });
});
