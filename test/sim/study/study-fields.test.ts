import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../sim/scenario/problems.js';
import { checkStudyFields } from '../../../sim/study/study-fields.js';
import { studyFileSchema } from '../../../sim/study/study-file.js';

/** The problem lines of a study file's fields, and which fields are broken. */
function checked(raw: Record<string, unknown>): { lines: string[]; broken: string[] } {
  const c = checkStudyFields(raw);
  return { lines: c.problems.map((p) => formatProblem('s.yaml', p)), broken: [...c.broken].sort() };
}

describe('checkStudyFields', () => {
  it('a file that is fine: the whole file parsed, with its defaults, as the schema parses it', () => {
    const raw = { name: 's', scenario: 'a.yaml', set: { 'params.x': 1 } };
    const c = checkStudyFields(raw);
    expect(c.problems).toEqual([]);
    expect(c.broken.size).toBe(0);
    expect(c.whole).toEqual(studyFileSchema.parse(raw));
    expect(c.fine).toBe(c.whole);
  });

  it('a bad field: every problem, and the fields that are fine parsed alone, defaults filled in', () => {
    const c = checkStudyFields({ name: 's', scenario: 'a.yaml', seeds: 0, colour: 'red', metrics: ['y'] });
    expect(c.whole).toBeUndefined();
    expect(c.problems.map((p) => p.path)).toEqual(['seeds', 'colour']);
    expect([...c.broken]).toEqual(['seeds']);
    expect(c.fine).toEqual({
      name: 's',
      description: '',
      scenario: 'a.yaml',
      policies: undefined,
      ticks: undefined,
      set: {},
      factors: undefined,
      design: undefined,
      record: { every: 1 },
      metrics: ['y'],
    });
  });

  it('the rules between fields are named even after a problem zod stops at (a bad key)', () => {
    expect(checked({ name: 's', scenario: 'a.yaml', factors: { x: { min: 1, max: 2 } } })).toEqual({
      lines: [
        's.yaml: factors.x: a factor is a dotted path starting with "params.", as --set paths are (e.g. params.agents) (got "x")',
        's.yaml: design: factors need a design (e.g. { kind: lhs, samples: 64 }) (got nothing)',
      ],
      broken: ['factors'],
    });
  });

  it('both a scenario and policies, or neither: the base is broken, whether or not each parses', () => {
    expect(checked({ name: 's', scenario: 'a.yaml', policies: ['b.yaml'] }).broken).toEqual([
      'policies',
      'scenario',
    ]);
    expect(checked({ name: 's', scenario: '', policies: ['b.yaml'] }).broken).toEqual([
      'policies',
      'scenario',
    ]);
    expect(checked({ name: 's', seeds: 2 })).toEqual({
      lines: [
        's.yaml: a study has either `scenario` or `policies` (one of them) (got {"name":"s","seeds":2})',
      ],
      broken: ['policies', 'scenario'],
    });
  });

  it('the schema still refuses a file that is not a mapping, the rules left out', () => {
    for (const raw of [null, 'text', [1], 3]) {
      const result = studyFileSchema.safeParse(raw);
      expect(result.success).toBe(false);
      expect(result.error!.issues).toHaveLength(1);
    }
  });
});
