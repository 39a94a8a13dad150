import { describe, expect, it } from 'vitest';
import { checkedWhole, currentRoute, overridesFrom, timelineFrom, wholeParam } from '../../viz/route.js';
import { runQuery } from '../../viz/views/run-link.js';

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

  it('says what is wrong with a value that is not a whole number from the least allowed', () => {
    const q = new URLSearchParams('seed=abc&ticks=0&n=4');
    expect(checkedWhole(q, 'seed', 0)).toEqual({
      wrong: 'seed "abc" is not allowed (a whole number, 0 or more)',
    });
    expect(checkedWhole(q, 'ticks', 1).wrong).toBe('ticks "0" is not allowed (a whole number, 1 or more)');
    expect(checkedWhole(q, 'n', 1)).toEqual({ value: 4 });
    expect(checkedWhole(q, 'missing', 1)).toEqual({});
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

  it('turns at.<tick>.<path>=<value> into timeline events, and a run link reads back into the same run', () => {
    const q = runQuery({
      scenario: 'money-game',
      seed: '2',
      ticks: '400',
      changed: new Map([['agents', 500]]),
      events: [
        { at: 32, path: 'transfer', value: 3 },
        { at: 90, path: 'transfer', value: 1 },
      ],
    });
    expect(q.toString()).toBe(
      'scenario=money-game&seed=2&ticks=400&set.agents=500&at.32.transfer=3&at.90.transfer=1',
    );
    expect(overridesFrom(q)).toEqual([{ path: 'params.agents', value: 500 }]);
    expect(timelineFrom(q)).toEqual([
      { at: 32, path: 'transfer', value: 3 },
      { at: 90, path: 'transfer', value: 1 },
    ]);
    expect(timelineFrom(new URLSearchParams('at.5.params.income.scale=0.5&at.x.y=1'))).toEqual([
      { at: 5, path: 'income.scale', value: 0.5 },
    ]);
  });
});
