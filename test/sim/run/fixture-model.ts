import { z } from 'zod';
import type { ModelDefinition } from '../../../sim/model.js';
import { live } from '../../../sim/scenario/live.js';

/** A tiny model for engine tests: a random walk whose step size a timeline can change. */
export const walkParams = z
  .object({
    step: live(z.int().min(0).default(1).describe('Step size')),
    size: z.int().min(1).default(3).describe('Fixed size'),
    nested: z.object({ gain: live(z.number().default(1).describe('Gain')) }).default({ gain: 1 }),
  })
  .strict();

/** The fixture's one extension: the walker's distance from a point, as a host would query it. */
export interface Distance {
  from(point: number): number;
}

export const walk: ModelDefinition<z.infer<typeof walkParams>> = {
  name: 'walk',
  description: 'A random walk (test fixture)',
  params: walkParams,
  metrics: () => [
    { name: 'x', description: 'position', unit: 'u' },
    { name: 'step', description: 'step in force', unit: 'u' },
  ],
  extensions: [{ name: 'distance', description: 'Distance of the walker from a point' }],
  create(ctx) {
    let x = 0;
    let p = ctx.params;
    const rng = ctx.rng('walk');
    const distance: Distance = { from: (point) => Math.abs(x - point) };
    return {
      extensions: { distance },
      step(tick) {
        x += (rng.nextU32() & 1 ? 1 : -1) * p.step * p.nested.gain;
        if (tick <= ctx.trace) ctx.emit('moves', { tick, x });
      },
      observe(out) {
        out[0] = x;
        out[1] = p.step * p.nested.gain;
      },
      setParams(next) {
        p = next;
      },
    };
  },
};

export const fixtureRegistry = new Map([[walk.name, walk]]);
