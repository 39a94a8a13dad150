import { describe, expect, it } from 'vitest';
import type { RunListener, RunState } from '../../../../sim/host/worker/api.js';
import { createSimWorker } from '../../../../sim/host/worker/sim-worker.js';
import type { ModelDefinition } from '../../../../sim/model.js';
import type { Frame } from '../../../../sim/run/recorder.js';
import { Run, type RunResult } from '../../../../sim/run/run.js';
import { validateScenario } from '../../../../sim/scenario/validate.js';
import { meanInterval } from '../../../../sim/stats/interval.js';
import { quantileBand } from '../../../../sim/stats/quantile-band.js';
import { fixtureRegistry, walk } from '../../run/fixture-model.js';

// The worker API in-process, on the engine's fixture model: its parts composed into one object.
const scenario = { name: 'w', model: 'walk', seed: 3, ticks: 30 };

function recording(): {
  listener: RunListener;
  frames: Frame[];
  states: RunState[];
  done: Promise<RunResult>;
} {
  const frames: Frame[] = [];
  const states: RunState[] = [];
  let finish: (r: RunResult) => void = () => {};
  const done = new Promise<RunResult>((resolve) => (finish = resolve));
  const listener: RunListener = {
    frame: (f) => void frames.push(f),
    state: (s) => void states.push(s),
    done: (r) => finish(r),
    error: (m) => {
      throw new Error(m);
    },
  };
  return { listener, frames, states, done };
}

describe('the worker API composed of its parts', () => {
  it('offers exactly the methods of the API, nothing of its parts inside', () => {
    const api = createSimWorker(fixtureRegistry);
    expect(Object.keys(api).sort()).toEqual(
      [
        'models',
        'validate',
        'open',
        'step',
        'play',
        'pause',
        'setSpeed',
        'flush',
        'state',
        'runToEnd',
        'result',
        'close',
        'snapshot',
        'distribution',
        'columns',
        'band',
        'intervals',
        'extension',
        'change',
        'watch',
        'viewFrame',
        'story',
      ].sort(),
    );
  });

  it('lists the models with their extensions, and validates without opening', () => {
    const api = createSimWorker(fixtureRegistry);
    const [info] = api.models();
    expect(info.name).toBe('walk');
    expect(info.extensions.map((e) => e.name)).toEqual(['distance']);
    expect(info.metrics.map((m) => m.name)).toEqual(['x', 'step']);
    expect(api.validate({ scenario })).toEqual([]);
    expect(api.validate({ scenario: { ...scenario, params: { step: -1 } } })[0].path).toBe('params.step');
    expect(api.state()).toEqual({ tick: 0, ticks: 0, playing: false, done: false });
  });

  it('steps and plays a run to the same result as in-process, streaming frames and states', async () => {
    const api = createSimWorker(fixtureRegistry);
    const { listener, frames, states, done } = recording();
    const reply = api.open({ scenario, frameEvery: 8 }, listener);
    expect(reply.ok).toBe(true);
    expect(api.step(5).tick).toBe(5);
    api.flush();
    expect(frames.map((f) => [f.from, f.to])).toEqual([[1, 5]]);
    expect(api.play(0).playing).toBe(true);
    const result = await done;
    expect(api.state()).toMatchObject({ tick: 30, done: true, playing: false });
    expect(states.at(-1)).toMatchObject({ tick: 30, done: true });
    const reference = new Run(walk, validateScenario(scenario, fixtureRegistry) as never).runToEnd();
    expect(result.fingerprint).toBe(reference.fingerprint);
    expect(api.result()!.fingerprint).toBe(reference.fingerprint);
    const streamed = frames.flatMap((f) => [...f.columns[0]]);
    expect(streamed).toEqual([...api.columns()[0]]);
    expect(streamed).toHaveLength(30);
    api.close();
    expect(api.result()).toBeNull();
    expect(() => api.columns()).toThrow('no run is open');
  });

  it('reports a model failure to the listener instead of throwing', () => {
    const broken: ModelDefinition = {
      ...walk,
      create: (ctx: never) => ({ ...walk.create(ctx), invariants: () => 'broken on purpose' }),
    } as never;
    const api = createSimWorker(new Map([['walk', broken]]));
    const errors: string[] = [];
    api.open({ scenario }, { ...recording().listener, error: (m) => void errors.push(m) });
    expect(api.step(3).tick).toBe(0);
    expect(errors).toEqual(['tick 1: broken on purpose']);
  });

  it('computes statistics with sim/stats: bands and intervals; no distribution of an array the model lacks', () => {
    const api = createSimWorker(fixtureRegistry);
    const series = [0, 1, 2, 3].map((k) => Float64Array.of(k, 2 * k));
    expect(api.band(series, 0.5)).toEqual(quantileBand(series, 0.5));
    expect(api.intervals([[1, 2, 3, 9]], 0.9)).toEqual([meanInterval([1, 2, 3, 9], 0.9)]);
    api.open({ scenario });
    expect(api.snapshot()).toEqual({ tick: 0, arrays: {} });
    expect(api.distribution('wealth')).toBeNull();
  });

  it('calls an extension of the open run by name, and refuses what the model does not offer', () => {
    const api = createSimWorker(fixtureRegistry);
    api.open({ scenario });
    api.step(9);
    const x = api.columns()[0][8];
    expect(api.extension('distance', 'from', [x - 4])).toBe(4);
    expect(() => api.extension('distance', 'to', [0])).toThrow("extension 'distance' has no method 'to'");
    expect(() => api.extension('distance', 'constructor')).toThrow("has no method 'constructor'");
    expect(() => api.extension('speed', 'from', [0])).toThrow("offers no extension 'speed'");
    expect(api.step(0).tick).toBe(9);
  });
});
