import type { ModelContext } from '../../../sim/model.js';
import { Ais } from './ais.js';
import { budgetShares } from './privacy/budget-shares.js';
import { DataMarket } from './data-market.js';
import { DividendPayer } from '../dividends/payer.js';
import { DividendPool } from '../dividends/pool.js';
import type { Economy } from '../economy/economy.js';
import { InfoGoods } from './info-goods.js';
import type { CurrencyMarket } from '../market/currency-market.js';
import type { MimoParams } from '../params.js';

/**
 * Everything that hangs on the Anonymous Identity Service, wired together: AIS itself (the settlement observer),
 * the data market that sells its protected statistics, the dividend pool and payer, and information goods.
 * At the end of each tick: AIS closes its period if one ends, information goods are used (and paid at the end of
 * their period), buyers due buy their reports, and the dividend is paid if due.
 */
export class AisLayer {
  readonly ais: Ais;
  readonly pool: DividendPool;
  readonly market: DataMarket;
  readonly payer: DividendPayer;
  readonly goods: InfoGoods | null;
  private readonly dividendBook: number;
  private readonly dividendFlow: number;

  /** `p` decides what exists (buyers, goods, the dividend formula and currency) when the run starts. */
  constructor(
    context: ModelContext<MimoParams>,
    private readonly economy: Economy,
    currencyMarket: CurrencyMarket,
    p: MimoParams,
  ) {
    const population = economy.population;
    const emit = (channel: string, record: unknown) => context.emit(channel, record);
    this.ais = new Ais(
      population.n,
      p.ais.budget,
      context.seed,
      context.replicate,
      context.rng('ais.noise'),
      context.trace,
      emit,
      budgetShares(population.n, p.ais.budgetSpread, context.rng('ais.budgets')),
    );
    this.pool = new DividendPool();
    const groups = ['fiat', ...p.groups.map((g) => g.name)];
    const categories = Array.from({ length: p.categories }, (_, c) => `c${c}`);
    this.market = new DataMarket(
      { ais: this.ais, pool: this.pool, rng: context.rng('data.resale'), emit, groups, categories },
      p.dataMarket.buyers,
    );
    this.dividendBook = groups.indexOf(p.dividends.currency);
    this.dividendFlow = economy.ledger.flow('dividends');
    const c = this.dividendBook;
    this.payer = new DividendPayer(
      {
        population,
        ais: this.ais,
        pool: this.pool,
        book: economy.currencies[c],
        flow: this.dividendFlow,
        fiatPerUnit: c === 0 ? null : () => currencyMarket.rates.fiatValue(c),
        warn: (message) => context.emit('warnings', { message }),
      },
      p.dividends,
    );
    const g = p.groups.findIndex((group) => group.name === p.infoGoods.currency);
    this.goods =
      p.infoGoods.enabled && g >= 0
        ? new InfoGoods(
            population,
            this.ais,
            economy.currencies[economy.currencyOf(g)],
            population.groupMembers[g],
            p.infoGoods.goods,
            context.rng('info-goods'),
            p.categories,
          )
        : null;
  }

  /** The AIS phase of one tick, after the market has closed. */
  run(tick: number, p: MimoParams): void {
    this.ais.endTick(tick, p.ais);
    this.goods?.endTick(tick, p.infoGoods);
    this.market.endTick(tick, p);
    this.payer.endTick(tick);
  }

  /** Payout sums off the amounts paid, AIS's book off its flows, or member inflows off the pool's outflow. */
  dividendConservationError(): number {
    const book = this.economy.currencies[this.dividendBook];
    const issued = book.flowTotals[this.dividendFlow];
    let error = this.payer.conservationError + Math.abs(this.pool.book.conservationError());
    error += Math.abs(issued - this.payer.unitsCum);
    if (this.dividendBook === 0)
      error += Math.abs(issued + this.pool.book.flowTotals[this.pool.dividendsFlow]);
    return error;
  }

  /** The first broken AIS invariant, or null. */
  invariant(): string | null {
    const error = this.dividendConservationError();
    if (error !== 0) return `dividends: payouts off the pool by ${error} minor units`;
    if (this.pool.balance < 0) return `dividends: pool below zero (${this.pool.balance})`;
    return null;
  }
}
