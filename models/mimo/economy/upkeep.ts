import type { Economy } from './economy.js';
import { HOUR, type MimoParams } from '../params.js';

/**
 * Each group's holding fee (demurrage) and membership fee, once per tick. Demurrage on a positive balance goes
 * to the group's account in mutual credit (keeping the currency at zero sum) and is burnt (a logged outflow) in a
 * fixed-issue currency. Fees go to the group's account; a fee a member cannot pay within its limit goes unpaid.
 * Returns the number of unpaid fees.
 */
export function groupUpkeep(economy: Economy, p: MimoParams): number {
  let unpaid = 0;
  p.groups.forEach((g, k) => {
    if (g.demurrage === 0 && g.fee === 0) return;
    const c = economy.currencyOf(k);
    const book = economy.currencies[c];
    const account = economy.groupAccount(k);
    const mutual = economy.mutualCredit[c] === 1;
    const fee = Math.round(g.fee * HOUR);
    const balances = book.balances;
    for (const i of economy.membersOf(c)) {
      if (g.demurrage > 0 && balances[i] > 0) {
        const charge = Math.floor(balances[i] * g.demurrage);
        if (charge > 0) {
          if (mutual) book.transfer(i, account, charge);
          else book.outflow(i, charge, economy.flows.demurrage);
        }
      }
      if (fee > 0 && !book.transfer(i, account, fee)) unpaid++;
    }
  });
  return unpaid;
}
