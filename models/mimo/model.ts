import type { FormulaDesign, ModelContext, ModelDefinition, ModelInstance } from '../../sim/model.js';
import { designFormula } from './dividends/designer.js';
import type { Rng } from '../../sim/random/rng.js';
import { AisLayer } from './ais/layer.js';
import { AIS_METRICS, observeAis } from './ais/metrics.js';
import { Economy } from './economy/economy.js';
import { Gateway } from './economy/gateway.js';
import { CurrencyMarket } from './market/currency-market.js';
import { MimoObserver, mimoMetrics } from './metrics.js';
import { mimoParams, type MimoParams } from './params.js';
import { Population } from './economy/population.js';
import { Settlement } from './trading/settlement.js';
import { TradeStats } from './trading/trade.js';
import { TradingDay } from './trading/trading-day.js';
import { groupUpkeep } from './economy/upkeep.js';

/**
 * The MIMO economy: members with skills and needs trade services; each trade is negotiated and carries two
 * values, financial and cultural; groups issue hour-standard currencies (mutual credit or fixed issue); a
 * currency market swaps them against fiat and each other; a gateway brings fiat in and out. One tick:
 * gateway flows, group upkeep, the market opens, needs and trades, the market closes, metrics.
 */
class Mimo implements ModelInstance<MimoParams> {
  private readonly population: Population;
  private readonly economy: Economy;
  private readonly gateway: Gateway;
  private readonly stats: TradeStats;
  private readonly market: CurrencyMarket;
  private readonly settlement: Settlement;
  private readonly day: TradingDay;
  private readonly observer: MimoObserver;
  private readonly needsRng: Rng;
  private readonly dealRng: Rng;
  /** The AIS, data market, dividends and information goods (null unless `ais.enabled`). */
  private readonly aisLayer: AisLayer | null;
  private readonly aisOffset: number;
  private params: MimoParams;

  constructor(context: ModelContext<MimoParams>) {
    const p = (this.params = context.params);
    this.population = new Population(p, context.rng('population'));
    this.economy = new Economy(this.population, p);
    this.gateway = new Gateway(this.economy, this.population);
    this.stats = new TradeStats(this.economy.count);
    this.market = new CurrencyMarket(
      this.economy,
      this.population,
      p,
      context.rng('market'),
      this.stats,
      context.rng('arbitrage'),
    );
    this.settlement = new Settlement(this.economy, this.population, this.market, this.stats, p);
    this.day = new TradingDay(this.population, this.settlement, this.stats, p, context, this.economy.fiat);
    this.observer = new MimoObserver(this.economy, this.market, this.stats, context.rng('metrics'));
    this.needsRng = context.rng('needs');
    this.dealRng = context.rng('deals');
    this.aisOffset = mimoMetrics(p).length;
    this.aisLayer = p.ais.enabled
      ? new AisLayer(context, this.economy, this.population, this.market, p)
      : null;
    if (this.aisLayer) this.settlement.observer = this.aisLayer.ais;
  }

  step(tick: number): void {
    this.stats.reset();
    this.gateway.run(this.params);
    groupUpkeep(this.economy, this.population, this.params);
    this.market.beginTick();
    this.day.run(tick, this.needsRng, this.dealRng);
    this.market.endTick();
    this.aisLayer?.endTick(tick);
  }

  observe(out: Float64Array): void {
    this.observer.observe(out);
    if (this.aisLayer) observeAis(this.aisLayer, out, this.aisOffset);
  }

  setParams(next: MimoParams, changed: readonly string[]): void {
    this.params = next;
    if (changed.some((path) => path === 'needs' || path.startsWith('needs.')))
      this.population.setNeedRate(next);
    this.market.setParams(next);
    this.settlement.setParams(next);
    this.day.setParams(next);
    this.aisLayer?.setParams(next);
  }

  /** Checked after `observe`, on the totals it recounted from every balance this tick. */
  invariants(): string | null {
    const { economy } = this;
    for (let c = 0; c < economy.count; c++) {
      const book = economy.currencies[c];
      const error = this.observer.totals[c] - book.expectedTotal();
      if (error !== 0) return `${book.name}: total off by ${error} minor units from its logged flows`;
      if (book.balances[economy.escrow] !== 0) return `${book.name}: escrow not empty at the end of the tick`;
      for (let g = 0; g < this.params.groups.length; g++) {
        if (book.balances[this.population.n + g] < 0) return `${book.name}: group account ${g} below zero`;
      }
      for (let a = economy.arbitrageurs; a < economy.arbitrageurs + economy.traders; a++) {
        if (book.balances[a] < 0) return `${book.name}: arbitrage account ${a} below zero`;
      }
    }
    return this.aisLayer ? this.aisLayer.invariant() : null;
  }

  designFormula(formula: string, pool: number, tick: number): FormulaDesign {
    return designFormula(this.population, this.aisLayer?.ais ?? null, formula, pool, tick);
  }

  snapshot(): Record<string, ArrayLike<number>> {
    const out: Record<string, ArrayLike<number>> = {
      fiat: this.economy.fiat.balances.subarray(0, this.population.n),
      ...this.observer.wealth(),
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
  // Params read every tick; the rest shape the population and the currencies when the run starts.
  live: [
    'income.scale',
    'spending',
    'fees',
    'needs',
    'valuation.noise',
    'search',
    'payment.outsiders',
    'negotiation',
    'market.spread',
    'market.makers',
    'market.mechanism',
    'market.arbitrage.threshold',
    'market.arbitrage.maxLots',
    'ais.k',
    'ais.epsilon',
    'ais.budget',
    'ais.fee',
    'dataMarket.perMember',
    'dataMarket.perRecord',
    'dataMarket.halfNoise',
    'dataMarket.resale',
    'infoGoods.usesPerTick',
    'infoGoods.budget',
    'infoGoods.outOfContext',
    'infoGoods.decay',
    'infoGoods.baseAppeal',
  ],
  metrics: (p) => (p.ais.enabled ? [...mimoMetrics(p), ...AIS_METRICS] : mimoMetrics(p)),
  create: (context) => new Mimo(context),
};
