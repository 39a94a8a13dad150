import { describe, expect, it } from 'vitest';
import { registry } from '../../../models/index.js';
import { InputError } from '../../../sim/scenario/problems.js';
import { parseScenarioText, validateScenario } from '../../../sim/scenario/validate.js';

const base = { name: 'x', model: 'kinetic-exchange', ticks: 10 };

/** The problem lines a bad scenario gets, or [] when it is valid. */
function problems(raw: unknown, overrides: { path: string; value: unknown }[] = []): string[] {
  try {
    validateScenario(raw, registry, 'f.yaml', overrides);
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.message.split('\n');
  }
}

describe('scenario validation: one clear line per problem', () => {
  it('accepts a minimal file and fills every default', () => {
    const s = validateScenario(base, registry);
    expect(s.seed).toBe(1);
    expect(s.params).toMatchObject({ agents: 1000, activation: 'sweep', rule: 'unit', debtLimit: 0 });
    expect(s.timeline).toEqual([]);
  });

  it('syntax error: names line and column', () => {
    expect(() => parseScenarioText('name: [unclosed\nmodel: x\n', 'f.yaml')).toThrow(
      /^f\.yaml: line \d+, column \d+: not valid YAML/,
    );
  });

  it('not a mapping', () => {
    expect(problems([1, 2])).toEqual(['f.yaml: a scenario is a mapping of fields (got [1,2])']);
  });

  it('missing required field', () => {
    expect(problems({ model: 'kinetic-exchange' })).toEqual(['f.yaml: name: is required (got nothing)']);
  });

  it('wrong type', () => {
    expect(problems({ ...base, ticks: 'ten' })[0]).toMatch(
      /^f\.yaml: ticks: invalid input: expected number, received string \(got "ten"\)$/,
    );
  });

  it('out of range', () => {
    expect(problems({ ...base, ticks: 0 })[0]).toMatch(/^f\.yaml: ticks: too small.*>=1 \(got 0\)$/);
    expect(problems({ ...base, params: { saving: 1 } })[0]).toMatch(
      /^f\.yaml: params\.saving: too small|too big.*\(got 1\)$/,
    );
  });

  it('not a whole number where one is required', () => {
    expect(problems({ ...base, params: { agents: 10.5 } })[0]).toMatch(
      /^f\.yaml: params\.agents: .*int.*\(got 10\.5\)$/,
    );
  });

  it('unknown top-level field, with the allowed ones', () => {
    expect(problems({ ...base, seeds: 3 })).toEqual([
      'f.yaml: seeds: unknown field (allowed: name, description, model, seed, ticks, params, timeline)',
    ]);
  });

  it('unknown param, with the allowed ones', () => {
    expect(problems({ ...base, params: { agent: 3 } })[0]).toBe(
      'f.yaml: params.agent: unknown field (allowed: agents, initialWealth, activation, rule, transfer, saving, debtLimit)',
    );
  });

  it('unknown model, with the known ones', () => {
    expect(problems({ ...base, model: 'boltzman' })[0]).toMatch(
      /^f\.yaml: model: unknown model \(known: .*kinetic-exchange.*\) \(got "boltzman"\)$/,
    );
  });

  it('value not among the choices', () => {
    expect(problems({ ...base, params: { activation: 'zigzag' } })[0]).toMatch(
      /^f\.yaml: params\.activation: invalid option: expected one of "sweep"\|"random" \(got "zigzag"\)$/,
    );
  });

  it('timeline event after the last tick', () => {
    expect(problems({ ...base, timeline: [{ at: 11, set: { transfer: 2 } }] })).toEqual([
      'f.yaml: timeline.0.at: after the last tick, 10 (got 11)',
    ]);
  });

  it('timeline path that names no param', () => {
    expect(problems({ ...base, timeline: [{ at: 2, set: { 'params.nope': 2 } }] })[0]).toMatch(
      /^f\.yaml: timeline\.0\.set\.nope: no such param \(params: agents, /,
    );
  });

  it('timeline path that cannot change during a run', () => {
    expect(problems({ ...base, timeline: [{ at: 2, set: { agents: 5 } }] })[0]).toBe(
      'f.yaml: timeline.0.set.agents: cannot change during a run (may change: activation, rule, transfer, saving, debtLimit)',
    );
  });

  it('timeline value that the param does not allow', () => {
    expect(problems({ ...base, timeline: [{ at: 2, set: { transfer: -1 } }] })[0]).toMatch(
      /^f\.yaml: timeline\.0\.set\.transfer: too small.*\(got -1\)$/,
    );
  });

  it('reports every problem at once, one line each', () => {
    expect(problems({ name: '', model: 'kinetic-exchange', ticks: -1, extra: 1 })).toHaveLength(3);
  });

  it('applies overrides before validating, and validates them too', () => {
    expect(validateScenario(base, registry, '', [{ path: 'params.agents', value: 7 }]).params).toMatchObject({
      agents: 7,
    });
    expect(problems(base, [{ path: 'params.agents', value: 1 }])[0]).toMatch(
      /^f\.yaml: params\.agents: too small/,
    );
  });
});
