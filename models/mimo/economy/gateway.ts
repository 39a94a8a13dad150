import type { Economy } from './economy.js';
import type { MimoParams } from '../params.js';
import type { Population } from './population.js';

/**
 * The gateway to the existing financial system, once per tick: every member's fiat income enters from outside
 * and part of its fiat leaves as outside spending. Both are logged flows, so fiat is conserved exactly between
 * them. Card and exchange fees are charged where payments happen (settlement, market).
 *
 * Outside spending is a consumption rule on cash on hand (Deaton 1991; Carroll 1997): a member spends a share
 * rate × (income / median)^−saving of its fiat per tick, so it settles near income / share, and richer members,
 * who spend a smaller share, keep more than in proportion to income (saving rates rise with lifetime income:
 * Dynan, Skinner & Zeldes 2004). Wealth thus ends more unequal than income, as in every household wealth survey.
 */
export class Gateway {
  /** Each member's income this tick in whole minor units, for the income scale it was computed at. */
  private readonly earnings: Float64Array;
  private scale = NaN;
  /** Each member's share of cash on hand spent outside per tick, for the spending params it was computed at. */
  private readonly spendShare: Float32Array;
  private spendRate = NaN;
  private spendSaving = NaN;

  constructor(
    private readonly economy: Economy,
    private readonly population: Population,
  ) {
    this.earnings = new Float64Array(population.n);
    this.spendShare = new Float32Array(population.n);
  }

  run(p: MimoParams): void {
    if (p.income.scale !== this.scale) {
      this.scale = p.income.scale;
      const income = this.population.income;
      for (let i = 0; i < income.length; i++) this.earnings[i] = Math.round(income[i] * this.scale);
    }
    if (p.spending.rate !== this.spendRate || p.spending.saving !== this.spendSaving) {
      this.spendRate = p.spending.rate;
      this.spendSaving = p.spending.saving;
      const relative = this.population.relativeIncome;
      for (let i = 0; i < relative.length; i++) {
        const share = p.spending.rate * Math.pow(Math.max(relative[i], 1e-6), -p.spending.saving);
        this.spendShare[i] = Math.min(1, share);
      }
    }
    const { fiat, flows } = this.economy;
    fiat.inflowEach(this.earnings, flows.income);
    fiat.levyEach(this.spendShare, this.population.n, flows.spending);
  }
}
