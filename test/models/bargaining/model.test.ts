import { readFileSync } from 'node:fs';
import { livePaths } from '../../../sim/scenario/live.js';
import { describe, expect, it } from 'vitest';
import { bargaining } from '../../../models/bargaining/model.js';
import { bargainingParams, type BargainingParams } from '../../../models/bargaining/params.js';
import { registry } from '../../../models/index.js';
import { Run, type ChannelSink, type RunOptions } from '../../../sim/run/run.js';
import type { Scenario } from '../../../sim/scenario/scenario.js';
import { parseScenarioText, validateScenario } from '../../../sim/scenario/validate.js';
import { column as recorded, modelRun } from '../run-model.js';

/** A bargaining run (seed 7) of `ticks` negotiations, not yet stepped. */
function bargainingRun(
  params: Record<string, unknown>,
  ticks = 5,
  timeline: unknown[] = [],
  options: RunOptions = {},
): Run<BargainingParams> {
  return modelRun(
    { model: 'bargaining', seed: 7, ticks, params, timeline },
    options,
  ) as Run<BargainingParams>;
}

const column = (run: Run, name: string): number[] => Array.from(recorded(run, name));

class Channels implements ChannelSink {
  readonly records: { channel: string; record: unknown }[] = [];
  emit(channel: string, record: unknown): void {
    this.records.push({ channel, record });
  }
}

describe('bargaining model', () => {
  it('is registered, documents every param and metric, and lets the timeline change every param', () => {
    expect(registry.get('bargaining')).toBe(bargaining);
    const fields = Object.keys(bargainingRun({}).scenario.params);
    for (const f of [
      'protocol',
      'strategy',
      'buyerValue',
      'sellerCost',
      'discountBuyer',
      'discountSeller',
      'firstMover',
      'rounds',
    ]) {
      expect(fields).toContain(f);
    }
    // Every field has a default (an empty params block is valid) and a description.
    expect(Object.keys(bargainingParams.parse({})).sort()).toEqual([...fields].sort());
    for (const f of fields) {
      const field = bargainingParams.shape[f as keyof typeof bargainingParams.shape];
      expect(field.description?.length).toBeGreaterThan(10);
    }
    expect([...livePaths(bargaining.params)].sort()).toEqual([...fields].sort());
    const metrics = bargaining.metrics(bargainingRun({}).scenario.params);
    expect(metrics.map((m) => m.name)).toEqual(['agreed', 'price', 'rounds', 'first_mover_share']);
    for (const m of metrics) expect(m.description && m.unit).toBeTruthy();
  });

  it('records the Rubinstein closed form through a Run, and follows the timeline at its tick', () => {
    const run = bargainingRun(
      {
        protocol: 'alternating',
        strategy: 'equilibrium',
        rounds: 0,
        buyerValue: 1_000_000,
        sellerCost: 0,
        discountSeller: 0.9,
        discountBuyer: 0.8,
      },
      6,
      [{ at: 4, set: { firstMover: 'buyer', rounds: 2 } }],
    );
    run.runToEnd();
    const share = column(run, 'first_mover_share');
    const x = (1 - 0.8) / (1 - 0.9 * 0.8);
    for (let t = 0; t < 3; t++) expect(share[t]).toBeCloseTo(x, 5);
    // From tick 4 the buyer moves first in a 2-round game: it keeps 1 - dSeller.
    for (let t = 3; t < 6; t++) expect(share[t]).toBeCloseTo(1 - 0.9, 5);
    expect(column(run, 'agreed')).toEqual([1, 1, 1, 1, 1, 1]);
    expect(column(run, 'rounds')).toEqual([1, 1, 1, 1, 1, 1]);
    // x * 10^6 = 714285.71...: the whole price is one of the two neighbours.
    expect([714_285, 714_286]).toContain(column(run, 'price')[0]);
  });

  it('records the Nash split, and breakdowns as agreed 0 with no price', () => {
    const run = bargainingRun({ protocol: 'nash', buyerValue: 9_000, sellerCost: 5_000 }, 4, [
      { at: 3, set: { buyerValue: 4_000 } },
    ]);
    const result = run.runToEnd();
    expect(column(run, 'agreed')).toEqual([1, 1, 0, 0]);
    expect(column(run, 'price').slice(0, 2)).toEqual([7_000, 7_000]);
    expect(column(run, 'first_mover_share').slice(0, 2)).toEqual([0.5, 0.5]);
    expect(column(run, 'price').slice(2).every(Number.isNaN)).toBe(true);
    expect(column(run, 'rounds')).toEqual([1, 1, 0, 0]);
    expect(result.metrics.agreed.mean).toBe(0.5);
  });

  it('emits the offer sequence of the first `trace` negotiations on the negotiations channel', () => {
    const channels = new Channels();
    const params = { strategy: 'time-dependent', rounds: 12, tacticBuyer: 'boulware' };
    bargainingRun(params, 5, [], { trace: 2, channels }).runToEnd();
    expect(channels.records).toHaveLength(2);
    const [first, second] = channels.records.map((r) => r.record as Record<string, unknown>);
    expect(channels.records.every((r) => r.channel === 'negotiations')).toBe(true);
    expect(first).toMatchObject({
      tick: 1,
      protocol: 'alternating',
      strategy: 'time-dependent',
      agreed: true,
    });
    expect(second.tick).toBe(2);
    const offers = first.offers as { round: number; accepted: boolean }[];
    expect(offers.length).toBe(first.rounds);
    expect(offers.map((o) => o.round)).toEqual(offers.map((_, i) => i + 1));
    expect(offers.at(-1)?.accepted).toBe(true);
  });

  it('is deterministic: the same scenario and seed give the same fingerprint', () => {
    const run = () => bargainingRun({ protocol: 'nash', buyerValue: 10_001, sellerCost: 0 }, 50);
    const a = run().runToEnd();
    const b = run().runToEnd();
    expect(a.fingerprint).toBe(b.fingerprint);
    const prices = new Set<number>();
    const c = run();
    c.runToEnd();
    for (const p of column(c, 'price')) prices.add(p);
    expect([...prices].sort()).toEqual([5_000, 5_001]); // the odd unit goes either way
  });

  it('explains bad params: path, what is wrong, what was given', () => {
    expect(() => bargainingRun({ strategy: 'time-dependent', rounds: 0 })).toThrow(
      /params\.rounds: the time-dependent strategy needs a round limit/,
    );
    expect(() => bargainingRun({ firstMover: 'auctioneer' })).toThrow(/params\.firstMover/);
  });

  for (const name of ['bargaining-rubinstein', 'bargaining-nash']) {
    it(`runs scenarios/${name}.yaml`, () => {
      const file = `scenarios/${name}.yaml`;
      const text = readFileSync(file, 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema.json');
      const s = validateScenario(parseScenarioText(text, file), registry, file);
      expect(s.description.length).toBeGreaterThan(40);
      const run = new Run(bargaining, s as Scenario<BargainingParams>);
      const result = run.runToEnd();
      expect(result.ticks).toBe(s.ticks);
      if (name === 'bargaining-rubinstein') {
        const share = column(run, 'first_mover_share');
        expect(share[0]).toBeCloseTo(5 / 7, 3);
        expect(share[10]).toBeCloseTo(1 / 1.99, 3);
        expect(share[20]).toBeCloseTo(0.92, 3);
      } else {
        const price = column(run, 'price');
        expect(price.slice(0, 50).every((p) => p === 8_000 || p === 8_001)).toBe(true);
        expect(
          column(run, 'agreed')
            .slice(50)
            .every((a) => a === 0),
        ).toBe(true);
      }
    });
  }
});
