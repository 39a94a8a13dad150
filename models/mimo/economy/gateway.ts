import type { Economy } from './economy.js';
import type { MimoParams } from '../params.js';
import type { Population } from './population.js';

/**
 * The gateway to the existing financial system, once per tick: every member's fiat income enters from outside
 * and a share of its fiat balance leaves as outside spending. Both are logged flows, so fiat is conserved
 * exactly between them. Card and exchange fees are charged where payments happen (settlement, market).
 */
export class Gateway {
  /** Each member's income this tick in whole minor units, for the income scale it was computed at. */
  private readonly earnings: Float64Array;
  private scale = NaN;

  constructor(
    private readonly economy: Economy,
    private readonly population: Population,
  ) {
    this.earnings = new Float64Array(population.n);
  }

  run(p: MimoParams): void {
    if (p.income.scale !== this.scale) {
      this.scale = p.income.scale;
      const income = this.population.income;
      for (let i = 0; i < income.length; i++) this.earnings[i] = Math.round(income[i] * this.scale);
    }
    const { fiat, flows } = this.economy;
    fiat.inflowEach(this.earnings, flows.income);
    fiat.levy(p.spending.rate, this.population.n, flows.spending);
  }
}
