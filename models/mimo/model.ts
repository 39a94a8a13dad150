import type { ModelContext, ModelDefinition, ModelInstance } from '../../sim/model.js';
import {
  FORMULA_DESIGNER,
  formulaDesigner,
  formulaDesignerInfo,
  type FormulaDesigner,
} from './dividends/designer-extension.js';
import { AisLayer } from './ais/layer.js';
import { BookTotals } from './economy/book-totals.js';
import { Economy } from './economy/economy.js';
import { Gateway } from './economy/gateway.js';
import { CurrencyMarket } from './market/currency-market.js';
import { HourValue } from './market/hour-value.js';
import { mimoMetrics, type MimoObservation } from './metrics.js';
import { mimoParams, type MimoParams } from './params.js';
import { Population } from './economy/population.js';
import { Settlement } from './trading/settlement.js';
import { TradeStats } from './trading/trade.js';
import { TradingDay } from './trading/trading-day.js';
import { groupUpkeep } from './economy/upkeep.js';
import { memberWealth, WealthSample } from './economy/wealth-sample.js';
import type { MetricWriter } from '../../sim/metrics/metric-table.js';
import type { ViewProvider } from '../../sim/view/view-frame.js';
import { MimoView } from './view/mimo-view.js';

/** One phase of a tick: every phase takes the tick and the params in force, and keeps no copy of them. */
interface Phase {
  readonly name: string;
  run(tick: number, p: MimoParams): void;
}

/**
 * The MIMO economy: members with skills and needs trade services; each trade is negotiated and carries two
 * values, financial and cultural; groups issue hour-standard currencies (mutual credit or fixed issue); a
 * currency market swaps them against fiat and each other; a gateway links fiat to the outside; with AIS on,
 * every trade is recorded, statistics are sold and dividends paid. `phases` is the tick, in order.
 */
class Mimo implements ModelInstance<MimoParams> {
  readonly extensions: { readonly [FORMULA_DESIGNER]: FormulaDesigner };
  private readonly population: Population;
  private readonly economy: Economy;
  private readonly stats: TradeStats;
  private readonly market: CurrencyMarket;
  /** What every book holds, recounted as the tick's last phase: the metrics and the invariants both read it. */
  private readonly totals: BookTotals;
  private readonly wealth: WealthSample;
  private readonly metrics: MetricWriter<MimoObservation, MimoParams>;
  private readonly observation: MimoObservation;
  /** The AIS, data market, dividends and information goods (null unless `ais.enabled`). */
  private readonly aisLayer: AisLayer | null;
  private readonly phases: readonly Phase[];
  private readonly settlement: Settlement;
  /** The live view, once a host watches (null otherwise: then nothing is noted). */
  private view: MimoView | null = null;
  /** The params in force: the run's, then each timeline event's. Phases receive them; none keeps a copy. */
  private params: MimoParams;
  /** Ticks completed (the designer's tenure and records are counted to here). */
  private tick = 0;

  constructor(context: ModelContext<MimoParams>) {
    const p = (this.params = context.params);
    const population = (this.population = new Population(p, context.rng('population')));
    const economy = (this.economy = new Economy(population, p));
    const stats = (this.stats = new TradeStats(economy.count));
    const hourValue = new HourValue(economy, population, p);
    const market = (this.market = new CurrencyMarket(
      { economy, stats, rng: context.rng('market'), arbitrageRng: context.rng('arbitrage'), hourValue },
      p,
    ));
    const ais = (this.aisLayer = p.ais.enabled ? new AisLayer(context, economy, market, p) : null);
    const settlement = (this.settlement = new Settlement(
      { economy, market, stats, observer: ais ? ais.ais : null },
      p,
    ));
    const gateway = new Gateway(economy, population);
    const day = new TradingDay({
      population,
      settlement,
      stats,
      fiat: economy.fiat,
      hourValue,
      payment: { economy, hourValue, rates: market.rates, fiatRates: new Float64Array(economy.count) },
      needsRng: context.rng('needs'),
      dealRng: context.rng('deals'),
      trace: context.trace,
      emit: (channel, record) => context.emit(channel, record),
      parties: ais ? (buyer, seller) => ais.ais.parties(buyer, seller) : null,
    });
    const totals = (this.totals = new BookTotals(economy.count));
    this.wealth = new WealthSample(economy, market.rates, context.rng('metrics'));
    this.metrics = mimoMetrics.writer(p);
    this.observation = { economy, totals, wealth: this.wealth, stats, market, ais };
    this.phases = [
      { name: 'open the books', run: () => stats.reset() },
      { name: 'gateway: income in, outside spending out', run: (_, q) => gateway.run(q) },
      { name: 'group upkeep: demurrage and fees', run: (_, q) => groupUpkeep(economy, q) },
      { name: 'hour values: holding costs in force', run: (_, q) => hourValue.open(q) },
      { name: 'currency market opens', run: (_, q) => market.open(q) },
      { name: 'trading day: needs, search, negotiation, payment, settlement', run: (t, q) => day.run(t, q) },
      { name: 'currency market closes', run: () => market.close() },
      { name: 'service rate: the tick’s price of an hour of service', run: () => hourValue.closeTick() },
      ...(ais
        ? [{ name: 'AIS: period, information goods, data sales, dividends', run: ais.run.bind(ais) }]
        : []),
      { name: 'recount the books (for the metrics and the invariants)', run: () => totals.recount(economy) },
    ];
    this.extensions = {
      [FORMULA_DESIGNER]: formulaDesigner(population, ais ? ais.ais : null, () => this.tick),
    };
  }

  step(tick: number): void {
    this.view?.openTick();
    for (const phase of this.phases) phase.run(tick, this.params);
    this.view?.closeTick(tick);
    this.tick = tick;
  }

  watch(maxMembers: number): ViewProvider {
    const view = (this.view = new MimoView(
      maxMembers,
      this.economy,
      this.market.rates,
      this.aisLayer,
      this.params,
    ));
    this.settlement.watcher = view.watch;
    return view;
  }

  observe(out: Float64Array): void {
    this.wealth.gather();
    this.metrics.write(this.observation, this.params, out);
  }

  setParams(next: MimoParams): void {
    this.params = next;
  }

  /** Checked on the totals recounted from every balance by the tick's last phase. */
  invariants(): string | null {
    const { economy, totals } = this;
    for (let c = 0; c < economy.count; c++) {
      const book = economy.currencies[c];
      const error = totals.total[c] - book.expectedTotal();
      if (error !== 0) return `${book.name}: total off by ${error} minor units from its logged flows`;
      if (book.balances[economy.escrow] !== 0) return `${book.name}: escrow not empty at the end of the tick`;
      for (let g = 0; g < this.params.groups.length; g++) {
        if (book.balances[economy.groupAccount(g)] < 0) return `${book.name}: group account ${g} below zero`;
      }
      for (let a = economy.arbitrageurs; a < economy.arbitrageurs + economy.traders; a++) {
        if (book.balances[a] < 0) return `${book.name}: arbitrage account ${a} below zero`;
      }
    }
    return this.aisLayer ? this.aisLayer.invariant() : null;
  }

  snapshot(): Record<string, ArrayLike<number>> {
    const out: Record<string, ArrayLike<number>> = {
      fiat: this.economy.fiat.balances.subarray(0, this.population.n),
      ...memberWealth(this.economy, this.market.rates),
      hoursGiven: this.population.hoursGiven,
      hoursReceived: this.population.hoursReceived,
      groups: this.population.groups,
    };
    for (let c = 1; c < this.economy.count; c++) {
      out[this.economy.names[c]] = this.economy.currencies[c].balances.subarray(0, this.population.n);
    }
    if (this.aisLayer) {
      out.records = this.aisLayer.ais.records;
      out.privacySpent = this.aisLayer.ais.statistics.budget.spentTotal;
      const shares = this.aisLayer.ais.statistics.budget.shares;
      if (shares) out.privacyShare = shares;
      out.lastDividend = this.aisLayer.payer.payouts;
    }
    return out;
  }
}

export const mimo: ModelDefinition<MimoParams> = {
  name: 'mimo',
  description:
    'The MIMO economy: members trade services by negotiation; every trade carries a financial and a cultural value; ' +
    'groups issue hour-standard currencies swapped on a currency market; a gateway links fiat to the outside.',
  params: mimoParams,
  extensions: [formulaDesignerInfo],
  metrics: (p) => mimoMetrics.columns(p),
  create: (context) => new Mimo(context),
};
