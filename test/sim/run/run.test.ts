import { describe, expect, it } from 'vitest';
import { InvariantError, Run } from '../../../sim/run/run.js';
import { validateScenario } from '../../../sim/scenario/validate.js';
import { fixtureRegistry, walk, type Distance } from './fixture-model.js';

const scenario = (extra: object = {}) =>
  validateScenario({ name: 't', model: 'walk', seed: 5, ticks: 20, ...extra }, fixtureRegistry) as never;

describe('Run', () => {
  it('is deterministic: same scenario and seed, same fingerprint; another seed, another one', () => {
    const a = new Run(walk, scenario()).runToEnd();
    const b = new Run(walk, scenario()).runToEnd();
    const c = new Run(walk, scenario({ seed: 6 })).runToEnd();
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
    expect(new Run(walk, scenario(), { replicate: 1 }).runToEnd().fingerprint).not.toBe(a.fingerprint);
  });

  it('stepping in chunks gives the same result as running through', () => {
    const whole = new Run(walk, scenario()).runToEnd();
    const run = new Run(walk, scenario());
    while (run.advance(3) > 0);
    expect(run.result().fingerprint).toBe(whole.fingerprint);
    expect(run.step()).toBe(false);
  });

  it('applies timeline events at the start of their tick, nested paths included', () => {
    const run = new Run(
      walk,
      scenario({
        timeline: [
          { at: 5, set: { step: 3 } },
          { at: 8, set: { 'params.nested.gain': 2 } },
        ],
      }),
    );
    run.runToEnd();
    const steps = run.recorder.columns[1];
    expect([...steps.slice(0, 4)]).toEqual([1, 1, 1, 1]);
    expect([...steps.slice(4, 7)]).toEqual([3, 3, 3]);
    expect(steps[7]).toBe(6);
  });

  it('passes the trace budget and emits to channels', () => {
    const records: unknown[] = [];
    new Run(walk, scenario(), { trace: 2, channels: { emit: (_c, r) => records.push(r) } }).runToEnd();
    expect(records).toHaveLength(2);
  });

  it('stops with an InvariantError when a model breaks its invariants', () => {
    const broken = {
      ...walk,
      create: (ctx: never) => ({ ...walk.create(ctx), invariants: () => 'broken on purpose' }),
    };
    expect(() => new Run(broken as never, scenario()).runToEnd()).toThrow(InvariantError);
  });

  it('reaches a model extension by the name its definition lists, on the run as it is now', () => {
    const run = new Run(walk, scenario());
    const distance = run.extension<Distance>('distance');
    run.advance(7);
    const x = run.recorder.columns[0][6];
    expect(distance.from(0)).toBe(Math.abs(x));
    expect(distance.from(x + 2)).toBe(2);
    expect(() => run.extension('speed')).toThrow(
      "model walk offers no extension 'speed' (it offers: distance)",
    );
    // An instance's extension its definition does not list is not offered.
    const unlisted = new Run({ ...walk, extensions: undefined }, scenario());
    expect(() => unlisted.extension('distance')).toThrow('(it offers: none)');
  });
});
