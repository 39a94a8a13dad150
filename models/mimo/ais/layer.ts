import type { ModelContext } from '../../../sim/model.js';
import { Ais } from './ais.js';
import { laplaceScale } from './privacy/laplace-mechanism.js';
import { DataMarket } from './data-market.js';
import { DividendPayer } from '../dividends/payer.js';
import { DividendPool } from '../dividends/pool.js';
import type { Economy } from '../economy/economy.js';
import { InfoGoods } from './info-goods.js';
import type { CurrencyMarket } from '../market/currency-market.js';
import type { MimoParams } from '../params.js';
import type { Population } from '../economy/population.js';

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
  private params: MimoParams;

  constructor(
    context: ModelContext<MimoParams>,
    private readonly economy: Economy,
    population: Population,
    currencyMarket: CurrencyMarket,
    p: MimoParams,
  ) {
    this.params = p;
    const emit = (channel: string, record: unknown) => context.emit(channel, record);
    this.ais = new Ais(
      population.n,
      p.ais,
      context.seed,
      context.replicate,
      context.rng('ais.noise'),
      context.trace,
      emit,
    );
    this.pool = new DividendPool(p.ais.fee);
    const groups = ['fiat', ...p.groups.map((g) => g.name)];
    const categories = Array.from({ length: p.categories }, (_, c) => `c${c}`);
    this.market = new DataMarket(
      this.ais,
      this.pool,
      p.dataMarket,
      () => laplaceScale(this.params.ais.clip, this.params.ais.epsilon),
      context.rng('data.resale'),
      emit,
      groups,
      categories,
    );
    this.dividendBook = groups.indexOf(p.dividends.currency);
    this.dividendFlow = economy.ledger.flow('dividends');
    const c = this.dividendBook;
    this.payer = new DividendPayer(
      population,
      this.ais,
      this.pool,
      p.dividends,
      economy.currencies[c],
      this.dividendFlow,
      c === 0 ? null : () => currencyMarket.rates.fiatValue(c),
      (message) => context.emit('warnings', { message }),
    );
    const g = p.groups.findIndex((group) => group.name === p.infoGoods.currency);
    this.goods =
      p.infoGoods.enabled && g >= 0
        ? new InfoGoods(
            population,
            this.ais,
            economy.currencies[1 + g],
            population.groupMembers[g],
            p.infoGoods,
            context.rng('info-goods'),
            p.categories,
          )
        : null;
  }

  /** The AIS part of one tick, after the market has closed. */
  endTick(tick: number): void {
    this.ais.endTick(tick);
    this.goods?.endTick(tick);
    this.market.endTick(tick);
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

  /** Takes live params: privacy (k, epsilon, budget, fee), prices and resale terms, info-goods terms. */
  setParams(next: MimoParams): void {
    this.params = next;
    this.ais.setParams(next.ais);
    this.pool.setFee(next.ais.fee);
    this.market.setParams(next.dataMarket);
    this.goods?.setParams(next.infoGoods);
  }
}
