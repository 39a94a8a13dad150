import { describe, expect, it } from 'vitest';
import { currentRoute, overridesFrom, wholeParam } from '../../viz/route.js';

describe('hash routes', () => {
  it('reads the view and its query', () => {
    const r = currentRoute('#/run?scenario=money-game&seed=3&ticks=40&autoplay=1');
    expect(r.view).toBe('run');
    expect(r.query.get('scenario')).toBe('money-game');
    expect(wholeParam(r.query, 'seed')).toBe(3);
    expect(wholeParam(r.query, 'autoplay')).toBe(1);
    expect(currentRoute('').view).toBe('run');
    expect(currentRoute('#/compare?scenarios=a,b').view).toBe('compare');
  });

  it('refuses seeds that are not whole numbers', () => {
    const q = new URLSearchParams('seed=-1&ticks=1.5&x=abc');
    expect(wholeParam(q, 'seed')).toBeUndefined();
    expect(wholeParam(q, 'ticks')).toBeUndefined();
    expect(wholeParam(q, 'missing')).toBeUndefined();
  });

  it('turns set.<path>=<value> into params overrides with YAML values, like the CLI', () => {
    const q = new URLSearchParams(
      'set.agents=500&set.params.rule=split&set.groups.0.fee=0.5&p2.set.debtLimit=3&seed=1',
    );
    expect(overridesFrom(q)).toEqual([
      { path: 'params.agents', value: 500 },
      { path: 'params.rule', value: 'split' },
      { path: 'params.groups.0.fee', value: 0.5 },
    ]);
    expect(overridesFrom(q, 'p2.set.')).toEqual([{ path: 'params.debtLimit', value: 3 }]);
  });
});
