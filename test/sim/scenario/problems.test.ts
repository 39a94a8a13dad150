import { describe, expect, it } from 'vitest';
import { InputError } from '../../../sim/scenario/problems.js';

describe('InputError', () => {
  it('one line per problem, each once, at its own file when it names one', () => {
    const e = new InputError('study.yaml', [
      { path: 'seeds', message: 'too small' },
      { path: 'params.x', message: 'bad', source: 'a.yaml' },
      { path: 'params.x', message: 'bad', source: 'a.yaml' },
      { path: 'params.x', message: 'bad' },
    ]);
    expect(e.message.split('\n')).toEqual([
      'study.yaml: seeds: too small',
      'a.yaml: params.x: bad',
      'study.yaml: params.x: bad',
    ]);
    expect(e.problems).toHaveLength(3);
  });
});
