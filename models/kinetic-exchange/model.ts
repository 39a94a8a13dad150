import { Book } from '../../sim/ledger/book.js';
import type { MetricDef, ModelContext, ModelDefinition, ModelInstance } from '../../sim/model.js';
import type { Rng } from '../../sim/random/rng.js';
import { IntegerHistogram } from '../../sim/stats/integer-histogram.js';
import { randomSplit, randomUnit, sweepSplit, sweepUnit } from './exchange.js';
import { kineticExchangeParams, type KineticExchangeParams } from './params.js';

const METRICS: readonly MetricDef[] = [
  { name: 'gini', description: 'Gini coefficient of wealth', unit: 'ratio' },
  { name: 'mean', description: 'Mean wealth per agent', unit: 'units' },
  { name: 'sd', description: 'Standard deviation of wealth', unit: 'units' },
  { name: 'max', description: 'Largest wealth', unit: 'units' },
  { name: 'min', description: 'Smallest wealth', unit: 'units' },
  { name: 'share_zero_or_less', description: 'Share of agents with wealth <= 0', unit: 'share' },
  { name: 'share_negative', description: 'Share of agents in debt (wealth < 0)', unit: 'share' },
  { name: 'total', description: 'Total wealth (conserved: never changes)', unit: 'units' },
];

/** The state of one run: wealth lives in a ledger book, the activation order in a typed array. */
class KineticExchange implements ModelInstance<KineticExchangeParams> {
  private readonly money: Book;
  private readonly order: Int32Array;
  private readonly histogram = new IntegerHistogram();
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
  }

  step(): void {
    const { activation, rule, transfer, saving, debtLimit, agents: n } = this.params;
    const rng = this.rng;
    if (activation === 'sweep') {
      if (rule === 'unit') sweepUnit(this.money, rng, this.order, transfer);
      else sweepSplit(this.money, rng, this.order, saving, debtLimit);
    } else if (rule === 'unit') randomUnit(this.money, rng, n, transfer);
    else randomSplit(this.money, rng, n, saving, debtLimit);
  }

  observe(out: Float64Array): void {
    const h = this.histogram.fill(this.money.balances);
    const n = h.n;
    out[0] = h.gini();
    out[1] = h.mean();
    out[2] = h.sd();
    out[3] = h.max;
    out[4] = h.min;
    out[5] = h.countAtMost(0) / n;
    out[6] = h.countAtMost(-1) / n;
    out[7] = h.total;
  }

  setParams(next: KineticExchangeParams): void {
    this.params = next;
    this.money.creditLimit = next.debtLimit;
  }

  invariants(): string | null {
    // The total was summed by observe() this tick; the book knows what it must be.
    const error = this.histogram.total - this.money.expectedTotal();
    return error === 0 ? null : `money not conserved: total off by ${error} units`;
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
  metrics: () => METRICS,
  create: (context) => new KineticExchange(context),
};
