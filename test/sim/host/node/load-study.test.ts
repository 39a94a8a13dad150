import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../../models/index.js';
import { loadStudy } from '../../../../sim/host/node/load-study.js';
import { InputError } from '../../../../sim/scenario/problems.js';
import { designPoints, designSpecSchema } from '../../../../sim/study/design/index.js';
import { factorList, factorsSchema } from '../../../../sim/study/factors.js';

const ROOT = resolve(import.meta.dirname, '../../../..');
const MONEY = join(ROOT, 'scenarios/money-game.yaml');
const ISHIGAMI = 'name: ishigami\nmodel: ishigami\nticks: 3\nparams: { x1: 1, x2: 2, x3: 3, noise: 0.2 }\n';
const ALLOWED =
  'allowed: name, description, scenario, policies, ticks, seeds, set, factors, design, record, metrics';

/** A folder with the Ishigami scenario (ishigami.yaml) and the study file `body` (study.yaml); its path. */
function study(body: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimo-load-study-'));
  writeFileSync(join(dir, 'ishigami.yaml'), ISHIGAMI);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'study.yaml'), body);
  return join(dir, 'study.yaml');
}

/** The lines of the InputError loadStudy throws for `file` (a test failure if it loads, or throws anything else). */
function problemLines(file: string): string[] {
  try {
    loadStudy(file, registry);
  } catch (e) {
    if (e instanceof InputError) return e.message.split('\n');
    throw e;
  }
  throw new Error(`${file} loaded`);
}

describe('loadStudy names every problem of a study file at once', () => {
  it('a bad field and a factor the model refuses', () => {
    const file = study(
      `name: s\nscenario: ${MONEY}\nseeds: 0\nfactors:\n  params.agents: { min: -5, max: 2 }\ndesign: { kind: lhs, samples: 10 }\n`,
    );
    expect(problemLines(file)).toEqual([
      `${file}: seeds: too small: expected number to be >=1 (got 0)`,
      `${file}: factors.params.agents: the model takes whole numbers from 2 to 50000000 here: add integer: true, raise min to 2 (got {"min":-5,"max":2})`,
    ]);
  });

  it('an unknown field and an unknown metric; a bad record and an unknown metric', () => {
    const unknownField = study('name: s\nscenario: ishigami.yaml\ncolour: red\nmetrics: [nope]\n');
    expect(problemLines(unknownField)).toEqual([
      `${unknownField}: colour: unknown field (${ALLOWED})`,
      `${unknownField}: metrics: no such metric nope (metrics: y)`,
    ]);
    const badRecord = study('name: s\nscenario: ishigami.yaml\nrecord: bogus\nmetrics: [y, nope]\n');
    expect(problemLines(badRecord)).toEqual([
      `${badRecord}: record: invalid input (got "bogus")`,
      `${badRecord}: metrics: no such metric nope (metrics: y)`,
    ]);
  });

  it('bad fields and a missing policy file, each policy checked', () => {
    const file = study('name: a/b\npolicies: [ishigami.yaml, none.yaml, gone.yaml]\nticks: 0\n');
    const dir = resolve(file, '..');
    expect(problemLines(file)).toEqual([
      `${file}: name: a plain folder name: letters, digits, ".", "_" or "-", no "/" (got "a/b")`,
      `${file}: ticks: too small: expected number to be >=1 (got 0)`,
      `${file}: policies.1: no such file (got ${join(dir, 'none.yaml')})`,
      `${file}: policies.2: no such file (got ${join(dir, 'gone.yaml')})`,
    ]);
  });

  it('a bad design spec, a missing policy and an unknown metric, in the order they are checked', () => {
    const file = study(
      'name: s\npolicies: [ishigami.yaml, none.yaml]\nfactors: { params.x1: { min: 1, max: 2 } }\ndesign: { kind: grid }\nmetrics: [nope]\n',
    );
    expect(problemLines(file)).toEqual([
      `${file}: design.steps: a grid needs steps for the range factor params.x1 (e.g. steps: 5)`,
      `${file}: policies.1: no such file (got ${join(resolve(file, '..'), 'none.yaml')})`,
    ]);
    const metric = study(
      'name: s\nscenario: ishigami.yaml\nfactors: { params.x1: { min: 1, max: 2 } }\ndesign: { kind: grid }\nmetrics: [nope]\n',
    );
    expect(problemLines(metric)).toEqual([
      `${metric}: design.steps: a grid needs steps for the range factor params.x1 (e.g. steps: 5)`,
      `${metric}: metrics: no such metric nope (metrics: y)`,
    ]);
  });

  it("a scenario's own problems at its file, with the study file's; no line twice", () => {
    const bad = 'name: b\nmodel: ishigami\nparams: { x1: "a" }\n';
    const file = study('name: s\npolicies: [bad.yaml, bad.yaml]\nseeds: 0\n', { 'bad.yaml': bad });
    const lines = problemLines(file);
    expect(lines).toEqual([
      `${file}: seeds: too small: expected number to be >=1 (got 0)`,
      `${join(resolve(file, '..'), 'bad.yaml')}: params.x1: invalid input: expected number, received string (got "a")`,
    ]);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('the rules between fields, whatever else is bad, each once', () => {
    const file = study('name: s\nseeds: 0\nfactors: { x1: { min: 1, max: 2 } }\n');
    const lines = problemLines(file);
    expect(lines).toEqual([
      `${file}: seeds: too small: expected number to be >=1 (got 0)`,
      `${file}: factors.x1: a factor is a dotted path starting with "params.", as --set paths are (e.g. params.agents) (got "x1")`,
      `${file}: a study has either \`scenario\` or \`policies\` (one of them) (got {"name":"s","seeds":0,"factors":{"x1":{"min":1,"max":2}}})`,
      `${file}: design: factors need a design (e.g. { kind: lhs, samples: 64 }) (got nothing)`,
    ]);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('skips a check whose field is bad, rather than report its consequence', () => {
    // The design on malformed factors; the points and metrics of a missing scenario; the metrics with a bad `set`
    // or one the scenario refuses (its params, so its metrics, are not known); the scenarios of an unclear base.
    const factors = study(
      'name: s\nscenario: ishigami.yaml\nfactors: { x1: { min: 1, max: 2 } }\ndesign: { kind: grid }\n',
    );
    expect(problemLines(factors)).toEqual([
      `${factors}: factors.x1: a factor is a dotted path starting with "params.", as --set paths are (e.g. params.agents) (got "x1")`,
    ]);
    const missing = study(
      'name: s\nscenario: none.yaml\nmetrics: [nope]\nfactors: { params.x1: { min: 1, max: 2 } }\ndesign: { kind: lhs, samples: 4 }\n',
    );
    expect(problemLines(missing)).toEqual([
      `${missing}: scenario: no such file (got ${join(resolve(missing, '..'), 'none.yaml')})`,
    ]);
    const set = study('name: s\nscenario: ishigami.yaml\nset: { x4: 2 }\nmetrics: [nope]\n');
    expect(problemLines(set)).toEqual([
      `${set}: set.x4: a dotted path starting with "params.", as --set paths are (e.g. params.agents) (got "x4")`,
    ]);
    const refused = study('name: s\nscenario: ishigami.yaml\nset: { params.x4: 2 }\nmetrics: [nope]\n');
    expect(problemLines(refused)).toEqual([
      `${refused}: set (ishigami.yaml): params.x4: unknown field (allowed: x1, x2, x3, a, b, noise)`,
    ]);
    const both = study('name: s\nscenario: ishigami.yaml\npolicies: [none.yaml]\nmetrics: [nope]\n');
    expect(problemLines(both)).toEqual([
      `${both}: a study has either \`scenario\` or \`policies\` (one of them) (got {"name":"s","scenario":"ishigami.yaml","policies":["none....)`,
    ]);
  });
});

describe('loadStudy of a valid study', () => {
  it('resolves the study: its scenarios, fixed overrides, factors, points, record, metrics and plan', () => {
    const file = study(
      'name: s\ndescription: d\npolicies: [ishigami.yaml, ishigami.yaml]\nticks: 4\nseeds: [3, 7]\nset: { params.noise: 0 }\nfactors: { params.x1: { min: 1, max: 2 } }\ndesign: { kind: lhs, samples: 4, seed: 5 }\nrecord: final\nmetrics: [y]\n',
    );
    const path = join(resolve(file, '..'), 'ishigami.yaml');
    const policy = {
      file: 'ishigami.yaml',
      path,
      text: ISHIGAMI,
      sha256: createHash('sha256').update(ISHIGAMI).digest('hex'),
      model: 'ishigami',
      metrics: ['y'],
      ticks: 4,
    };
    const factors = factorList(factorsSchema.parse({ 'params.x1': { min: 1, max: 2 } }));
    const design = designSpecSchema.parse({ kind: 'lhs', samples: 4, seed: 5 });
    expect(loadStudy(file, registry)).toEqual({
      file,
      name: 's',
      description: 'd',
      policies: [
        { ...policy, name: 'ishigami' },
        { ...policy, name: 'ishigami#2' },
      ],
      ticks: 4,
      seeds: [3, 7],
      fixed: [
        { path: 'params.noise', value: 0 },
        { path: 'ticks', value: 4 },
      ],
      factors,
      design,
      points: designPoints(design, factors),
      record: 'final',
      metrics: ['y'],
      plan: { points: 4, policies: 2, seeds: [3, 7] },
      runTicks: 4,
    });
  });

  it('a study without factors: one point, the defaults filled in', () => {
    const file = study('name: s\nscenario: ishigami.yaml\n');
    const s = loadStudy(file, registry);
    expect(s).toMatchObject({
      description: '',
      ticks: null,
      seeds: [1],
      fixed: [],
      factors: [],
      design: null,
      points: null,
      record: { every: 1 },
      metrics: ['y'],
      plan: { points: 1, policies: 1, seeds: [1] },
      runTicks: 3,
    });
    expect(s.policies.map((p) => p.name)).toEqual(['ishigami']);
  });
});
