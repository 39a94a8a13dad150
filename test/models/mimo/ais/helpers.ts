import { registry } from '../../../../models/index.js';
import type { AisLayer } from '../../../../models/mimo/ais/layer.js';
import type { Economy } from '../../../../models/mimo/economy/economy.js';
import { mimo } from '../../../../models/mimo/model.js';
import type { MimoParams } from '../../../../models/mimo/params.js';
import type { Settlement } from '../../../../models/mimo/trading/settlement.js';
import type { ModelInstance } from '../../../../sim/model.js';
import { Streams } from '../../../../sim/random/streams.js';
import { validateScenario } from '../../../../sim/scenario/validate.js';

/** A small mimo economy with AIS on: two groups (mutual credit and fixed issue). */
export function aisParamsFor(over: Record<string, unknown> = {}, members = 800): MimoParams {
  const s = validateScenario(
    {
      name: 'test',
      description: 'test',
      model: 'mimo',
      seed: 1,
      ticks: 10,
      params: {
        members,
        groups: [
          { name: 'hours', members: 0.5, issuance: 'mutual-credit', creditLimit: 20 },
          { name: 'tokens', members: 0.4, issuance: 'fixed', initialSupply: 10, perHour: 0.5 },
        ],
        ...over,
        ais: { enabled: true, period: 10, ...(over.ais as object) },
        dataMarket: {
          buyers: [
            { name: 'acme', measure: 'spend', every: 10 },
            { name: 'civic', measure: 'hours', every: 20 },
          ],
          ...(over.dataMarket as object),
        },
        dividends: { every: 10, ...(over.dividends as object) },
      },
    },
    registry,
  );
  return s.params as MimoParams;
}

/** The parts of a live mimo instance the tests look into. */
export interface MimoInternals {
  readonly aisLayer: AisLayer;
  readonly settlement: Settlement;
  readonly economy: Economy;
}

/** A live mimo instance and its emitted records, stepped by hand. */
export function liveMimo(params: MimoParams, seed = 1) {
  const streams = new Streams(seed, 0);
  const emitted: { channel: string; record: unknown }[] = [];
  const instance: ModelInstance<MimoParams> = mimo.create({
    params,
    seed,
    replicate: 0,
    ticks: 1000,
    trace: 0,
    rng: (name) => streams.get(name),
    emit: (channel, record) => emitted.push({ channel, record }),
  });
  const internals = instance as unknown as MimoInternals;
  const row = new Float64Array(mimo.metrics(params).length);
  const names = mimo.metrics(params).map((m) => m.name);
  /** Steps one tick, checks the invariants, returns the metrics row by name. */
  const step = (tick: number): Record<string, number> => {
    instance.step(tick);
    instance.observe(row);
    const problem = instance.invariants!();
    if (problem) throw new Error(`tick ${tick}: ${problem}`);
    return Object.fromEntries(names.map((n, i) => [n, row[i]]));
  };
  return { instance, internals, emitted, step };
}
