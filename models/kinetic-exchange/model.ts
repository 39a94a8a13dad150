import { Book } from '../../sim/ledger/book.js';
import type { MetricWriter } from '../../sim/metrics/metric-table.js';
import type { ModelContext, ModelDefinition, ModelInstance } from '../../sim/model.js';
import type { Rng } from '../../sim/random/rng.js';
import { IntegerHistogram } from '../../sim/stats/integer-histogram.js';
import { randomSplit, randomUnit, sweepSplit, sweepUnit } from './exchange.js';
import { kineticExchangeMetrics } from './metrics.js';
import { kineticExchangeParams, type KineticExchangeParams } from './params.js';
import { KineticExchangeView } from './view.js';
import type { ViewProvider } from '../../sim/view/view-frame.js';

/** The state of one run: wealth lives in a ledger book, the activation order in a typed array. */
class KineticExchange implements ModelInstance<KineticExchangeParams> {
  private readonly money: Book;
  private readonly order: Int32Array;
  /** The wealth counted as the tick's last phase: the metrics and the conservation check both read it. */
  private readonly histogram = new IntegerHistogram();
  private readonly metrics: MetricWriter<IntegerHistogram>;
  private readonly rng: Rng;
  private params: KineticExchangeParams;

  constructor(private readonly context: ModelContext<KineticExchangeParams>) {
    const p = (this.params = context.params);
    // Int32 balances halve the memory traffic of the hot loop; they are safe while no balance can pass
    // 2^31 - 1, i.e. while the whole money supply plus everyone's debt fits (with a margin for timeline debt).
    const fitsInt32 = p.agents * (p.initialWealth + p.debtLimit) <= 2 ** 30;
    this.money = new Book('money', 'backed', p.agents, p.debtLimit, fitsInt32 ? 'int32' : 'float64');
    for (let i = 0; i < p.agents; i++) this.money.open(i, p.initialWealth);
    this.rng = context.rng('exchange');
    this.order = new Int32Array(p.agents);
    for (let i = 0; i < p.agents; i++) this.order[i] = i;
    this.metrics = kineticExchangeMetrics.writer(p);
  }

  step(): void {
    const { activation, rule, transfer, saving, debtLimit, agents: n } = this.params;
    const rng = this.rng;
    if (activation === 'sweep') {
      if (rule === 'unit') sweepUnit(this.money, rng, this.order, transfer);
      else sweepSplit(this.money, rng, this.order, saving, debtLimit);
    } else if (rule === 'unit') randomUnit(this.money, rng, n, transfer);
    else randomSplit(this.money, rng, n, saving, debtLimit);
    this.histogram.fill(this.money.balances);
  }

  observe(out: Float64Array): void {
    this.metrics.write(this.histogram, this.params, out);
  }

  setParams(next: KineticExchangeParams): void {
    this.params = next;
    this.money.creditLimit = next.debtLimit;
  }

  invariants(): string | null {
    // The total was counted at the end of this tick; the book knows what it must be.
    const error = this.histogram.total - this.money.expectedTotal();
    return error === 0 ? null : `money not conserved: total off by ${error} units`;
  }

  watch(maxMembers: number): ViewProvider {
    const p = this.context.params;
    return new KineticExchangeView(maxMembers, this.money, p.agents, p.initialWealth);
  }

  snapshot(): Record<string, ArrayLike<number>> {
    return { wealth: this.money.balances };
  }
}

export const kineticExchange: ModelDefinition<KineticExchangeParams> = {
  name: 'kinetic-exchange',
  description:
    'The classic "money game": agents exchange conserved money at random (Dragulescu & Yakovenko 2000; ' +
    'the Mesa Boltzmann wealth model); wealth relaxes to an exponential (Boltzmann-Gibbs) law.',
  params: kineticExchangeParams,
  metrics: (p) => kineticExchangeMetrics.columns(p),
  create: (context) => new KineticExchange(context),
};
