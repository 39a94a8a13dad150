import { describe, expect, it } from 'vitest';
import { registry } from '../../../models/index.js';
import { LIMITS } from '../../../sim/scenario/limits.js';
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
      'f.yaml: seeds: unknown field (allowed: name, description, model, seed, ticks, params, timeline, controls)',
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
      'f.yaml: timeline.0.at: after the last tick, 10, so it would never happen: run at least 11 ticks, or remove the event (got 11)',
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

  it('lists a bad model with the other top-level problems', () => {
    expect(problems({ name: '../x', model: 'nosuch', ticks: 'ten' })).toEqual([
      expect.stringMatching(/^f\.yaml: name: a plain folder name/),
      expect.stringMatching(/^f\.yaml: ticks: .*\(got "ten"\)$/),
      expect.stringMatching(/^f\.yaml: model: unknown model .*\(got "nosuch"\)$/),
    ]);
  });

  it('lists the params problems with the top-level ones once the model is known', () => {
    expect(problems({ name: 'x', model: 'mimo', ticks: 'ten', params: { members: -5, foo: 1 } })).toEqual([
      expect.stringMatching(/^f\.yaml: ticks: .*\(got "ten"\)$/),
      expect.stringMatching(/^f\.yaml: params\.members: too small.*\(got -5\)$/),
      expect.stringMatching(/^f\.yaml: params\.foo: unknown field \(allowed: members, /),
    ]);
  });

  it('applies param overrides to the params with defaults filled in, and validates them too', () => {
    expect(validateScenario(base, registry, '', [{ path: 'params.agents', value: 7 }]).params).toMatchObject({
      agents: 7,
    });
    expect(problems(base, [{ path: 'params.agents', value: 1 }])[0]).toMatch(
      /^f\.yaml: params\.agents: too small/,
    );
  });
});

describe('scenario validation: a name is a plain folder name', () => {
  it.each([
    ['../../escape'],
    ['/etc/passwd'],
    ['a/b'],
    ['a\\b'],
    ['..'],
    ['.hidden'],
    ['-flag'],
    ['x'.repeat(65)],
  ])('refuses %s', (name) => {
    expect(problems({ ...base, name })[0]).toMatch(/^f\.yaml: name: (a plain folder name|too big)/);
  });

  it('accepts names of letters, digits, dots, underscores and dashes', () => {
    for (const name of ['baseline', 'money-game', 'v1.2_final', 'A'])
      expect(validateScenario({ ...base, name }, registry).name).toBe(name);
  });
});

describe('scenario validation: prototype keys and paths', () => {
  it('refuses __proto__, constructor and prototype as keys anywhere in the data', () => {
    const raw = JSON.parse(
      '{"name": "x", "model": "kinetic-exchange", "params": {"__proto__": {"agents": 5}}}',
    );
    expect(problems(raw)).toEqual(['f.yaml: params.__proto__: "__proto__" is not a field name']);
    expect(problems({ ...base, timeline: [{ at: 1, set: { constructor: 1 } }] })[0]).toMatch(
      /timeline\.0\.set\.constructor: "constructor" is not a field name/,
    );
  });

  it('refuses them in override paths and timeline paths, and Object.prototype stays clean', () => {
    expect(problems(base, [{ path: 'params.__proto__.polluted', value: 1 }])).toEqual([
      'f.yaml: params.__proto__.polluted: "__proto__" is not a field name',
    ]);
    expect(problems(base, [{ path: 'params.constructor.prototype.x', value: 1 }])[0]).toMatch(/constructor/);
    expect(problems({ ...base, timeline: [{ at: 1, set: { 'params.a.__proto__.b': 1 } }] })[0]).toMatch(
      /timeline\.0\.set\.a\.__proto__\.b: "__proto__" is not a field name/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('scenario validation: overrides into lists', () => {
  const mimo = { name: 'm', model: 'mimo', ticks: 2, params: { members: 100 } };

  it('names the list and its length when an index is past its end', () => {
    expect(problems(mimo, [{ path: 'params.groups.5.name', value: 'x' }])).toEqual([
      'f.yaml: params.groups.5.name: groups has 1 item: index 5 is past its end (use 0 to 1)',
    ]);
    expect(problems(mimo, [{ path: 'params.groups.first.name', value: 'x' }])[0]).toMatch(
      /groups is a list: "first" is not an index/,
    );
  });

  it('reaches a default list item (the file has no groups)', () => {
    const s = validateScenario(mimo, registry, '', [{ path: 'params.groups.0.creditLimit', value: 5 }]);
    expect((s.params.groups as { creditLimit: number }[])[0].creditLimit).toBe(5);
  });

  it('refuses an empty list of groups before any run', () => {
    expect(problems({ ...mimo, params: { groups: [] } })[0]).toMatch(/^f\.yaml: params\.groups: too small/);
  });
});

describe('scenario validation: size limits', () => {
  it('refuses more timeline events than the limit', () => {
    const timeline = Array.from({ length: LIMITS.timelineEvents + 1 }, () => ({
      at: 1,
      set: { transfer: 2 },
    }));
    expect(problems({ ...base, timeline })[0]).toMatch(/^f\.yaml: timeline: too big/);
  });

  it('refuses a run that would record more values than the limit', () => {
    const ticks = Math.floor(LIMITS.recordedValues / 8) + 1; // kinetic-exchange records 8 metrics
    expect(problems({ ...base, ticks })[0]).toMatch(/^f\.yaml: ticks: too long to keep in memory: 8 metrics/);
  });

  it('refuses texts over their limits and data nested too deep', () => {
    expect(problems({ ...base, params: { rule: 'x'.repeat(LIMITS.textLength + 1) } })[0]).toMatch(
      /params\.rule: longer than 2000 characters/,
    );
    expect(problems({ ...base, description: 'x'.repeat(LIMITS.descriptionLength + 1) })[0]).toMatch(
      /description: longer than 10000/,
    );
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(problems({ ...base, params: { deep } })[0]).toMatch(/nested deeper than 64 levels/);
  });
});

describe('key controls', () => {
  it('names params of the model, with or without the params. prefix', () => {
    const s = validateScenario({ ...base, controls: ['params.debtLimit', 'agents'] }, registry);
    expect(s.controls).toEqual(['debtLimit', 'agents']);
    expect(validateScenario(base, registry).controls).toEqual([]);
  });

  it('refuses a path that names no param, a section, or a control listed twice', () => {
    expect(problems({ ...base, controls: ['params.nope'] })).toEqual([
      expect.stringMatching(/^f\.yaml: controls\.0: no such param \(params: agents, .*\) \(got "nope"\)$/),
    ]);
    const mimo = { name: 'm', model: 'mimo', ticks: 5 };
    expect(problems({ ...mimo, controls: ['params.income'] })).toEqual([
      expect.stringMatching(/controls\.0: a section, not one param/),
    ]);
    expect(problems({ ...base, controls: ['agents', 'params.agents'] })).toEqual([
      expect.stringMatching(/controls\.1: listed twice/),
    ]);
    expect(
      problems({ ...base, controls: Array.from({ length: LIMITS.controls + 1 }, () => 'agents') })[0],
    ).toMatch(/controls/);
  });
});
