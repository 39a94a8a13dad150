import { describe, expect, it } from 'vitest';
import { blameFlags } from '../../../../sim/host/cli/blame-flags.js';
import { InputError } from '../../../../sim/scenario/problems.js';

describe('problems blamed on the flags that caused them', () => {
  const error = new InputError('a.yaml', [
    { path: 'params.members', message: 'too small' },
    { path: 'params.groups.0.members', message: 'too big' },
    { path: 'ticks', message: 'too long' },
    { path: 'params.membersX', message: 'unknown field' },
    { path: 'timeline.0.at', message: 'after the last tick' },
  ]);

  it('names the flag at a path it set or under it, keeps the file, and leaves the rest as they were', () => {
    const blamed = blameFlags(error, [
      { path: 'params.members', value: -5 },
      { path: 'params.groups.0', value: {} },
      { path: 'ticks', value: 10 },
    ]) as InputError;
    expect(blamed.message.split('\n')).toEqual([
      'a.yaml: --set params.members: too small',
      'a.yaml: --set params.groups.0.members: too big',
      'a.yaml: --ticks: too long',
      'a.yaml: params.membersX: unknown field',
      'a.yaml: timeline.0.at: after the last tick',
    ]);
  });

  it('passes anything else through unchanged', () => {
    expect(blameFlags(error, [])).toBe(error);
    expect(blameFlags(error, [{ path: 'params.other', value: 1 }])).toBe(error);
    const other = new Error('not an input problem');
    expect(blameFlags(other, [{ path: 'params.members', value: 1 }])).toBe(other);
  });
});
