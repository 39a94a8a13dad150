/**
 * The template model: where a new model starts (copy this folder, then follow the checklist in models/README.md).
 *
 * A small but real model: every tick each agent earns a random income from outside the economy and spends a
 * share of its balance outside it. Money is exact (integer units in a ledger book, every external flow logged),
 * so the books balance to the unit after every tick: the model's invariant. The mean balance settles near
 * income × (1 − spending) / spending, a little above it since spending is rounded down.
 *
 * What each part shows (keep the parts, replace the economics):
 * - params.ts: the params schema, with defaults, descriptions, bounds and the params a timeline may change;
 * - metrics.ts: the metric table, each metric's name, unit and description beside how it is read;
 * - TemplateModel: the state of one run in typed arrays, allocated once, and the tick as an ordered list of
 *   named phases, each taking the tick and the params in force (as `models/mimo/model.ts` does); nothing is
 *   allocated per agent per tick;
 * - `template`: the definition the registry (models/index.ts) holds.
 */
import { Ledger, type Book } from '../../sim/ledger/ledger.js';
import type { MetricWriter } from '../../sim/metrics/metric-table.js';
import type { ModelContext, ModelDefinition, ModelInstance } from '../../sim/model.js';
import type { Rng } from '../../sim/random/rng.js';
import { RadixSorter } from '../../sim/stats/radix-sort.js';
import { templateMetrics, type TemplateReading } from './metrics.js';
import { templateParams, type TemplateParams } from './params.js';

/** One phase of a tick: it takes the tick and the params in force, and keeps no copy of them. */
interface Phase {
  readonly name: string;
  run(tick: number, p: TemplateParams): void;
}

/** One run: balances in a ledger book; incomes and sorted balances in typed arrays reused every tick. */
class TemplateModel implements ModelInstance<TemplateParams>, TemplateReading {
  readonly sorted: Float64Array;
  total = 0;
  incomeThisTick = 0;
  spendingThisTick = 0;
  /** The params in force: the scenario's, then each timeline change. Phases receive them; none keeps a copy. */
  private params: TemplateParams;
  /** The tick, in order. */
  private readonly phases: readonly Phase[] = [
    { name: 'income: every agent earns from outside', run: (_, p) => this.earn(p.income) },
    { name: 'spending: every agent spends a share outside', run: (_, p) => this.spend(p.spending) },
  ];
  private readonly money: Book;
  private readonly incomeFlow: number;
  private readonly spendingFlow: number;
  private readonly incomes: Int32Array;
  private readonly sorter = new RadixSorter();
  /** Writes the metric table's row: its readers fixed once, when the run starts. */
  private readonly metrics: MetricWriter<TemplateReading>;
  /** Each source of randomness is a named stream: a draw added elsewhere never shifts this one. */
  private readonly rng: Rng;

  constructor(context: ModelContext<TemplateParams>) {
    const p = (this.params = context.params);
    const ledger = new Ledger(p.agents, [{ name: 'money', kind: 'backed' }]);
    this.money = ledger.book('money');
    this.incomeFlow = ledger.flow('income');
    this.spendingFlow = ledger.flow('spending');
    this.incomes = new Int32Array(p.agents);
    this.sorted = new Float64Array(p.agents);
    this.rng = context.rng('income');
    this.metrics = templateMetrics.writer(p);
  }

  step(tick: number): void {
    for (const phase of this.phases) phase.run(tick, this.params);
  }

  /** Each agent earns a whole number of units, uniform in [0, 2 × income], entering as the logged flow `income`. */
  private earn(income: number): void {
    const incomes = this.incomes;
    let earned = 0;
    for (let i = 0; i < incomes.length; i++) earned += incomes[i] = this.rng.int(2 * income + 1);
    this.money.inflowEach(incomes, this.incomeFlow);
    this.incomeThisTick = earned;
  }

  /** Each agent spends floor(balance × share) outside, leaving as the logged flow `spending`. */
  private spend(share: number): void {
    this.spendingThisTick = this.money.levy(share, this.incomes.length, this.spendingFlow);
  }

  /** Sorts a copy of the balances once (the Gini needs them sorted), then reads every metric of the table. */
  observe(out: Float64Array): void {
    const sorted = this.sorted;
    sorted.set(this.money.balances);
    this.sorter.sort(sorted);
    let total = 0;
    for (let i = 0; i < sorted.length; i++) total += sorted[i];
    this.total = total;
    this.metrics.write(this, this.params, out);
  }

  /** A timeline event changed some of the live params: the next tick's phases receive the new ones. */
  setParams(next: TemplateParams): void {
    this.params = next;
  }

  /** Checked by the engine after every tick; a violation stops the run (a bug, never bad input). */
  invariants(): string | null {
    const error = this.money.conservationError();
    return error === 0 ? null : `money not conserved: total off by ${error} units from income - spending`;
  }

  /** Per-agent arrays for the lab's distribution panels (histogram, Lorenz curve). */
  snapshot(): Record<string, ArrayLike<number>> {
    return { wealth: this.money.balances };
  }
}

/** The model as the registry holds it. Not registered: its test steps it through the engine's Run directly. */
export const template: ModelDefinition<TemplateParams> = {
  name: 'template',
  description:
    'Agents earn a random income and spend a share of what they hold (the template for new models).',
  params: templateParams,
  metrics: (p) => templateMetrics.columns(p),
  create: (context) => new TemplateModel(context),
};
