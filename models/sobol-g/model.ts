import type { MetricWriter } from '../../sim/metrics/metric-table.js';
import type { ModelContext, ModelDefinition, ModelInstance } from '../../sim/model.js';
import { normal } from '../../sim/random/distributions.js';
import type { Rng } from '../../sim/random/rng.js';
import { sobolGMetrics, type SobolGReading } from './metrics.js';
import { sobolGParams, type SobolGParams } from './params.js';

/** G(x) = Π_i (|4 x_i − 2| + a_i) / (1 + a_i) (Sobol' 1993; Saltelli & Sobol' 1995). */
export function sobolGFunction(x: readonly number[], a: readonly number[]): number {
  let g = 1;
  for (let i = 0; i < x.length; i++) g *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
  return g;
}

/** The G function as a model: the same y every tick (one tick is enough), noise drawn per tick. */
class SobolG implements ModelInstance<SobolGParams>, SobolGReading {
  private readonly y: number;
  private readonly rng: Rng;
  value = NaN;
  private readonly metrics: MetricWriter<SobolGReading>;

  constructor(
    private readonly params: SobolGParams,
    context: ModelContext<SobolGParams>,
  ) {
    const p = params;
    this.y = sobolGFunction([p.x1, p.x2, p.x3, p.x4, p.x5, p.x6, p.x7, p.x8], p.a);
    this.rng = context.rng('noise');
    this.metrics = sobolGMetrics.writer(params);
  }

  step(): void {
    this.value = this.params.noise > 0 ? this.y + normal(this.rng, 0, this.params.noise) : this.y;
  }

  observe(out: Float64Array): void {
    this.metrics.write(this, this.params, out);
  }

  invariants(): string | null {
    // Every factor |4x − 2| + a over 1 + a lies in [a/(1 + a), (2 + a)/(1 + a)]: G is finite and not negative.
    if (!(this.y >= 0 && Number.isFinite(this.y))) return `G is ${this.y}, outside [0, ∞)`;
    return Number.isFinite(this.value) ? null : `y is ${this.value}`;
  }
}

export const sobolG: ModelDefinition<SobolGParams> = {
  name: 'sobol-g',
  description:
    'Sobol’s G function of 8 inputs, y = Π (|4 x_i − 2| + a_i) / (1 + a_i): a reference for sensitivity ' +
    'analysis whose indices are known in closed form and set by the coefficients a.',
  params: sobolGParams,
  metrics: (p) => sobolGMetrics.columns(p),
  create: (context) => new SobolG(context.params, context),
};
