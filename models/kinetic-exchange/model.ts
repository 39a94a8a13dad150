import { Book } from '../../sim/ledger/book.js';
import type { MetricDef, ModelContext, ModelDefinition, ModelInstance } from '../../sim/model.js';
import { shuffle } from '../../sim/random/distributions.js';
import { IntegerHistogram } from '../../sim/stats/integer-histogram.js';
import { giveUnit, giveUnitToRandom, splitPool } from './exchange.js';
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
  private params: KineticExchangeParams;

  constructor(private readonly context: ModelContext<KineticExchangeParams>) {
    const p = (this.params = context.params);
    this.money = new Book('money', 'backed', p.agents, p.debtLimit);
    for (let i = 0; i < p.agents; i++) this.money.open(i, p.initialWealth);
    this.order = new Int32Array(p.agents);
    for (let i = 0; i < p.agents; i++) this.order[i] = i;
  }

  step(): void {
    const { activation, rule, transfer, saving, debtLimit, agents: n } = this.params;
    const rng = this.context.rng('exchange');
    const money = this.money;
    if (activation === 'sweep') {
      const order = this.order;
      shuffle(rng, order);
      if (rule === 'unit') for (let k = 0; k < n; k++) giveUnitToRandom(money, rng, order[k], n, transfer);
      else for (let k = 0; k < n; k++) splitPool(money, rng, order[k], rng.int(n), saving, debtLimit);
    } else {
      for (let k = 0; k < n; k++) {
        let a = rng.int(n);
        let b = rng.int(n - 1);
        if (b >= a) b++;
        if (rule === 'unit') {
          if (rng.nextU32() & 1) [a, b] = [b, a];
          giveUnit(money, a, b, transfer);
        } else splitPool(money, rng, a, b, saving, debtLimit);
      }
    }
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
    const error = this.money.conservationError();
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
  live: ['activation', 'rule', 'transfer', 'saving', 'debtLimit'],
  metrics: () => METRICS,
  create: (context) => new KineticExchange(context),
};
