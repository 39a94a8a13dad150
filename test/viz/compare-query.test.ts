import { describe, expect, it } from 'vitest';
import { compareQuery, policyCountProblem } from '../../viz/views/compare-query.js';

describe('the compare form', () => {
  const opened = new URLSearchParams(
    'scenarios=money-game,money-game&seeds=3&ticks=40&set.agents=1000&p2.set.debtLimit=5',
  );

  it('keeps the overrides of the query it was opened with', () => {
    const q = compareQuery(opened, ['money-game'], '4', '');
    expect(q.get('scenarios')).toBe('money-game,money-game');
    expect([...q]).toEqual([
      ['scenarios', 'money-game,money-game'],
      ['seeds', '4'],
      ['set.agents', '1000'],
      ['p2.set.debtLimit', '5'],
    ]);
  });

  it("drops a policy's own overrides once another scenario takes its place", () => {
    const q = compareQuery(opened, ['money-game', 'zi-c'], '3', '40');
    expect([...q]).toEqual([
      ['scenarios', 'money-game,zi-c'],
      ['seeds', '3'],
      ['ticks', '40'],
      ['set.agents', '1000'],
    ]);
  });

  it('takes 2 to 4 scenarios, and says so otherwise', () => {
    expect(policyCountProblem(['a', 'b'])).toBeNull();
    expect(policyCountProblem(['a', 'b', 'c', 'd'])).toBeNull();
    expect(policyCountProblem([])).toBe('Pick 2 to 4 scenarios to compare.');
    expect(policyCountProblem(['a'])).toBe('Pick 2 to 4 scenarios to compare: 1 picked (a).');
    expect(policyCountProblem(['a', 'b', 'c', 'd', 'e'])).toBe(
      'Pick 2 to 4 scenarios to compare: 5 picked (a, b, c, d, e).',
    );
  });
});
