import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../../models/index.js';
import { createSimWorker } from '../../../../sim/host/worker/sim-worker.js';
import { Run } from '../../../../sim/run/run.js';
import { parseScenarioText, validateScenario } from '../../../../sim/scenario/validate.js';

// The live view and live changes through the worker API, in process.
const root = new URL('../../../../', import.meta.url);
const scenarioText = (name: string) => readFileSync(new URL(`scenarios/${name}.yaml`, root), 'utf8');

function fingerprint(name: string, overrides: { path: string; value: unknown }[]): string {
  const scenario = validateScenario(parseScenarioText(scenarioText(name), name), registry, name, overrides);
  return new Run(registry.get(scenario.model)!, scenario).runToEnd().fingerprint;
}

describe('the live view', () => {
  it('draws mimo members, trades by means of payment and AIS flows, without changing the run', () => {
    const overrides = [
      { path: 'params.members', value: 2000 },
      { path: 'ticks', value: 30 },
    ];
    const api = createSimWorker(registry);
    expect(api.open({ text: scenarioText('dividend-mixed'), overrides }).ok).toBe(true);
    expect(api.watch(500)).toBe(true);
    expect(api.viewFrame()!.tick).toBe(0);
    api.step(30);
    expect(api.viewFrame(30)).toBeNull();
    const frame = api.viewFrame()!;
    expect(frame.tick).toBe(30);
    expect(frame.ids.length).toBe(500);
    expect(frame.population).toBe(2000);
    expect(frame.quantities.map((q) => q.name)).toEqual(
      expect.arrayContaining(['fiat', 'wealth', 'dividends', 'records']),
    );
    expect(frame.hubs[0].name).toBe('ais');
    const channels = new Set(
      Array.from(frame.flows.channel.subarray(0, frame.flows.count), (c) => frame.channels[c].name),
    );
    expect(channels.has('record')).toBe(true);
    const trades = frame.channels.filter((c) => !['record', 'dividend', 'data-sale'].includes(c.name));
    expect([...channels].some((c) => trades.some((t) => t.name === c))).toBe(true);
    const story = api.story(frame.ids[3])!;
    expect(story.lines.map((l) => l.label)).toEqual(
      expect.arrayContaining(['groups', 'fiat', 'trades this tick', 'dividends']),
    );
    expect(api.runToEnd().fingerprint).toBe(fingerprint('dividend-mixed', overrides));
  });

  it('ranks kinetic-exchange agents by wealth', () => {
    const api = createSimWorker(registry);
    api.open({ text: scenarioText('money-game'), overrides: [{ path: 'params.agents', value: 1000 }] });
    expect(api.watch(100)).toBe(true);
    api.step(5);
    const frame = api.viewFrame()!;
    expect(frame.layout).toEqual({ kind: 'ranked', by: 'wealth' });
    expect(frame.quantities[0].values.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

describe('a live change', () => {
  it('applies at the next tick and gives the fingerprint of the same change as a timeline event', () => {
    const base = [
      { path: 'params.members', value: 1500 },
      { path: 'ticks', value: 40 },
    ];
    const api = createSimWorker(registry);
    api.open({ text: scenarioText('baseline'), overrides: base });
    api.step(12);
    const reply = api.change({ 'params.income.scale': 0.5 });
    expect(reply.ok && reply.at).toBe(13);
    const live = api.runToEnd().fingerprint;
    const timeline = [...base, { path: 'timeline', value: [{ at: 13, set: { 'income.scale': 0.5 } }] }];
    expect(live).toBe(fingerprint('baseline', timeline));
    expect(live).not.toBe(fingerprint('baseline', base));
  });

  it('is refused, like a timeline event, for a param fixed at the start', () => {
    const api = createSimWorker(registry);
    api.open({ text: scenarioText('baseline'), overrides: [{ path: 'params.members', value: 500 }] });
    const reply = api.change({ members: 10 });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.problems[0].message).toMatch(/cannot change during a run/);
  });
});
