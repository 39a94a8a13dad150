/**
 * Smoke test over everything registered: every model of models/index.ts and every shipped scenario is stepped at
 * a small size and checked against the contract of test/models/model-contract.ts. A new model is covered here as
 * soon as it is registered; its README section and shipped-scenario rows are checked in test/docs/readme.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registry } from '../../models/index.js';
import { expectDefinition, expectMetricTable, expectRecordedValues, instanceOf } from './model-contract.js';
import { modelRun, ROOT, scenarioRun } from './run-model.js';

/** Params that make a model small enough for a smoke test; a model not listed runs at its own size. */
const SMALL: Readonly<Record<string, Record<string, unknown>>> = {
  mimo: { members: 400 },
  'kinetic-exchange': { agents: 200 },
};

const scenarioFiles = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
const modelOf = (file: string): string =>
  parse(readFileSync(join(ROOT, 'scenarios', file), 'utf8')).model as string;

describe.each([...registry.keys()])('registered model %s', (name) => {
  const model = registry.get(name)!;
  const params = SMALL[name] ?? {};

  it('documents its params and defaults them all', () => {
    expectDefinition(model);
  });

  it('declares invariants, which the engine checks after every tick', () => {
    expect(typeof instanceOf(model, model.params.parse(params)).invariants).toBe('function');
  });

  it('offers every extension its definition lists, each named in kebab-case and described', () => {
    const offered = instanceOf(model, model.params.parse(params)).extensions ?? {};
    for (const { name: extension, description } of model.extensions ?? []) {
      expect(extension).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(description.length, `${extension}: description`).toBeGreaterThan(10);
      expect(typeof offered[extension], `${name} offers ${extension}`).toBe('object');
    }
    expect(Object.keys(offered).sort()).toEqual((model.extensions ?? []).map((e) => e.name).sort());
  });

  it('steps 20 ticks at its defaults: documented metrics, no infinite values, same seed same fingerprint', () => {
    const run = modelRun({ model: name, ticks: 20, params });
    const result = run.runToEnd();
    expect(result.ticks).toBe(20);
    expectMetricTable(name, run.metrics);
    expectRecordedValues(run);
    expect(modelRun({ model: name, ticks: 20, params }).runToEnd().fingerprint).toBe(result.fingerprint);
  });

  it('has at least one shipped scenario', () => {
    expect(scenarioFiles.filter((f) => modelOf(f) === name)).not.toHaveLength(0);
  });
});

describe.each(scenarioFiles)('shipped scenario %s', (file) => {
  const name = file.replace(/\.yaml$/, '');
  const small = Object.entries(SMALL[modelOf(file)] ?? {}).map(([k, v]) => ({
    path: `params.${k}`,
    value: v,
  }));

  it('runs to its end at a small size (timeline included): documented metrics, no infinite values, deterministic', () => {
    const run = scenarioRun(name, small);
    const result = run.runToEnd();
    expect(result.ticks).toBe(run.scenario.ticks);
    expectMetricTable(name, run.metrics);
    expectRecordedValues(run);
    expect(scenarioRun(name, small).runToEnd().fingerprint).toBe(result.fingerprint);
  });
});
