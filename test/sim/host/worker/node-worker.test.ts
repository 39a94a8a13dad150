import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../../../models/index.js';
import type { Frame } from '../../../../sim/run/recorder.js';
import { Run, type RunResult } from '../../../../sim/run/run.js';
import type { NodeSimWorker } from '../../../../sim/host/worker/node-client.js';
import type { RunListener } from '../../../../sim/host/worker/api.js';
import type { FormulaReport } from '../../../../models/mimo/dividends/designer-report.js';
import { parseScenarioText, validateScenario } from '../../../../sim/scenario/validate.js';

// The worker API under real Node worker threads, from the compiled engine (dist/), against an in-process Run.
const root = new URL('../../../../', import.meta.url);
const text = readFileSync(new URL('scenarios/money-game.yaml', root), 'utf8');
const small = [{ path: 'params.agents', value: 1500 }];

function inProcess(seed: number, ticks: number): Run {
  const overrides = [...small, { path: 'seed', value: seed }, { path: 'ticks', value: ticks }];
  const scenario = validateScenario(parseScenarioText(text, 'money-game'), registry, '', overrides);
  const run = new Run(registry.get(scenario.model)!, scenario);
  run.runToEnd();
  return run;
}

let start: (registryModule: string) => NodeSimWorker;
const workers: NodeSimWorker[] = [];
function spawn(): NodeSimWorker {
  const w = start(new URL('dist/models/index.js', root).href);
  workers.push(w);
  return w;
}

beforeAll(async () => {
  // dist/ is rebuilt when stale before any test starts (test/global-setup.ts).
  const mod = await import(new URL('dist/sim/host/worker/node-client.js', root).href);
  start = mod.startNodeWorker;
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
});

describe('worker API in Node worker threads', () => {
  it('gives the in-process fingerprint in any number of parallel workers', async () => {
    const seeds = [1, 2, 3];
    const results = await Promise.all(
      seeds.map(async (seed) => {
        const { api } = spawn();
        const reply = await api.open({
          text,
          overrides: [...small, { path: 'seed', value: seed }, { path: 'ticks', value: 40 }],
        });
        expect(reply.ok).toBe(true);
        return api.runToEnd();
      }),
    );
    results.forEach((r, i) => {
      expect(r.seed).toBe(seeds[i]);
      expect(r.fingerprint).toBe(inProcess(seeds[i], 40).result().fingerprint);
    });
    expect(new Set(results.map((r) => r.fingerprint)).size).toBe(3);
  });

  it('streams transferred columnar frames cut every K ticks, equal to the recorded columns', async () => {
    const { api } = spawn();
    const frames: Frame[] = [];
    let finished: (r: RunResult) => void = () => {};
    const done = new Promise<RunResult>((resolve) => (finished = resolve));
    const listener: RunListener = {
      frame: (f) => void frames.push(f),
      state: () => {},
      done: (r) => finished(r),
      error: (m) => {
        throw new Error(m);
      },
    };
    const reply = await api.open(
      { text, overrides: [...small, { path: 'ticks', value: 50 }], frameEvery: 16 },
      Comlink.proxy(listener),
    );
    expect(reply.ok).toBe(true);
    await api.play(0);
    const result = await done;
    expect(frames.map((f) => [f.from, f.to])).toEqual([
      [1, 16],
      [17, 32],
      [33, 48],
      [49, 50],
    ]);
    expect(frames[0].columns[0]).toBeInstanceOf(Float64Array);
    const reference = inProcess(1, 50);
    expect(result.fingerprint).toBe(reference.result().fingerprint);
    reference.recorder.columns.forEach((column, m) => {
      const streamed = frames.flatMap((f) => [...f.columns[m]]);
      expect(streamed).toEqual([...column]);
    });
  });

  it('steps, plays, pauses and snapshots; the result does not depend on how the run was driven', async () => {
    const { api } = spawn();
    await api.open({ text, overrides: [...small, { path: 'ticks', value: 30 }] });
    expect((await api.step(5)).tick).toBe(5);
    await api.play(200);
    await new Promise((r) => setTimeout(r, 40));
    const paused = await api.pause();
    expect(paused.playing).toBe(false);
    expect(paused.tick).toBeGreaterThan(5);
    expect(paused.tick).toBeLessThan(30);
    const snap = await api.snapshot();
    expect(snap.tick).toBe(paused.tick);
    const wealth = snap.arrays.wealth;
    expect(wealth.length).toBe(1500);
    expect(wealth.reduce((a, b) => a + b, 0)).toBe(1500 * 10);
    const d = (await api.distribution('wealth', 20))!;
    expect(d.counts.reduce((a, b) => a + b, 0)).toBe(1500);
    expect(d.lorenzShare[d.lorenzShare.length - 1]).toBeCloseTo(1, 12);
    const result = await api.runToEnd();
    expect(result.fingerprint).toBe(inProcess(1, 30).result().fingerprint);
  });

  it('returns the problems with their paths for a bad scenario', async () => {
    const { api } = spawn();
    const bad = await api.open({ text, overrides: [{ path: 'params.agents', value: -3 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.path)).toEqual(['params.agents']);
    const unknown = await api.validate({ scenario: { name: 'x', model: 'nope' } });
    expect(unknown[0].path).toBe('model');
    expect(unknown[0].message).toContain('kinetic-exchange');
    const yaml = await api.validate({ text: 'name: [unclosed', source: 'editor' });
    expect(yaml[0].message).toContain('not valid YAML');
  });
});

describe('formula designer through a worker thread', () => {
  it('summarises payouts of a formula in the worker, and returns a refused formula with its position', async () => {
    const { api } = spawn();
    const design = async (formula: string) =>
      (await api.extension('formula-designer', 'report', [formula, 100_000])) as FormulaReport;
    const mimo = (await api.models()).find((m) => m.name === 'mimo')!;
    expect(mimo.extensions.map((e) => e.name)).toEqual(['formula-designer']);
    const mixed = readFileSync(new URL('scenarios/dividend-mixed.yaml', root), 'utf8');
    const reply = await api.open({
      text: mixed,
      overrides: [
        { path: 'params.members', value: 800 },
        { path: 'ticks', value: 35 },
      ],
    });
    expect(reply.ok).toBe(true);
    await api.step(35);
    const report = await design('records');
    expect(report.problem).toBeNull();
    expect(report.tick).toBe(35);
    expect(report.payouts!.counts.reduce((a: number, b: number) => a + b, 0)).toBe(800);
    expect(report.correlation).toBeGreaterThan(0.99);
    expect(report.topDecileShare).toBeGreaterThan(report.bottomDecileShare);
    expect(report.samplePayout.length).toBe(800);
    const equal = await design('1');
    expect(equal.payouts!.gini).toBeLessThan(0.01);
    const bad = await design('foo * 2');
    expect(bad.problem!.position).toBe(0);
    expect(bad.payouts).toBeNull();
    await expect(api.extension('formula-designer', 'toString')).rejects.toThrow(/no method 'toString'/);
    await expect(api.extension('designer', 'report', ['1'])).rejects.toThrow(
      /offers no extension 'designer'/,
    );
  });
});
