import type { MetricWriter } from '../../sim/metrics/metric-table.js';
import type { ModelContext, ModelDefinition, ModelInstance } from '../../sim/model.js';
import { normal } from '../../sim/random/distributions.js';
import type { Rng } from '../../sim/random/rng.js';
import { ishigamiMetrics, type IshigamiReading } from './metrics.js';
import { ishigamiParams, type IshigamiParams } from './params.js';

/** y = sin x1 + a sin² x2 + b x3⁴ sin x1 (Ishigami & Homma 1990). */
export function ishigamiFunction(x1: number, x2: number, x3: number, a: number, b: number): number {
  const s2 = Math.sin(x2);
  return Math.sin(x1) * (1 + b * x3 ** 4) + a * s2 * s2;
}

/** The Ishigami function as a model: the same y every tick (one tick is enough), noise drawn per tick. */
class Ishigami implements ModelInstance<IshigamiParams>, IshigamiReading {
  private readonly y: number;
  private readonly rng: Rng;
  value = NaN;
  private readonly metrics: MetricWriter<IshigamiReading>;

  constructor(
    private readonly params: IshigamiParams,
    context: ModelContext<IshigamiParams>,
  ) {
    const { x1, x2, x3, a, b } = params;
    this.y = ishigamiFunction(x1, x2, x3, a, b);
    this.rng = context.rng('noise');
    this.metrics = ishigamiMetrics.writer(params);
  }

  step(): void {
    this.value = this.params.noise > 0 ? this.y + normal(this.rng, 0, this.params.noise) : this.y;
  }

  observe(out: Float64Array): void {
    this.metrics.write(this, this.params, out);
  }

  invariants(): string | null {
    // Finite inputs give a finite y: anything else is a bug (or an input that overflowed x3⁴).
    return Number.isFinite(this.value) ? null : `y is ${this.value}`;
  }
}

export const ishigami: ModelDefinition<IshigamiParams> = {
  name: 'ishigami',
  description:
    'The Ishigami function y = sin x1 + a sin² x2 + b x3⁴ sin x1 (Ishigami & Homma 1990): a reference for ' +
    'sensitivity analysis, with known first-order and total Sobol’ indices.',
  params: ishigamiParams,
  metrics: (p) => ishigamiMetrics.columns(p),
  create: (context) => new Ishigami(context.params, context),
};
