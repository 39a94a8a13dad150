import type { Economy } from './economy.js';
import type { MimoParams } from './params.js';
import type { Population } from './population.js';

/**
 * The gateway to the existing financial system, once per tick: every member's fiat income enters from outside
 * and a share of its fiat balance leaves as outside spending. Both are logged flows, so fiat is conserved
 * exactly between them. Card and exchange fees are charged where payments happen (settlement, market).
 */
export function runGateway(economy: Economy, population: Population, p: MimoParams): void {
  const fiat = economy.fiat;
  const balances = fiat.balances;
  const { income: incomeFlow, spending: spendingFlow } = economy.flows;
  const scale = p.income.scale;
  const rate = p.spending.rate;
  const income = population.income;
  for (let i = 0; i < population.n; i++) {
    const earned = Math.round(income[i] * scale);
    if (earned > 0) fiat.inflow(i, earned, incomeFlow);
    const spent = Math.floor(balances[i] * rate);
    if (spent > 0) fiat.outflow(i, spent, spendingFlow);
  }
}
