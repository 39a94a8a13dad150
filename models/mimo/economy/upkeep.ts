import type { Economy } from './economy.js';
import { HOUR, type MimoParams } from '../params.js';

/**
 * Each group's holding fee (demurrage) and membership fee, once per tick. Demurrage on a positive balance goes
 * to the group's account in mutual credit (keeping the currency at zero sum) and is burnt (a logged outflow) in a
 * fixed-issue currency. In mutual credit the group spends what demurrage brought in back into circulation at once,
 * in equal whole minor units to every member (what does not divide waits in its account for the next tick), as the
 * issuers of demurrage money spend its proceeds (Gesell's state; the Chiemgauer association's projects): the fee
 * moves hours from those who hold them to everyone, and does not drain the members' stock into the group's account.
 * Fees go to the group's account; a fee a member cannot pay within its limit goes unpaid.
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
    const members = economy.membersOf(c);
    let collected = 0;
    for (const i of members) {
      if (g.demurrage > 0 && balances[i] > 0) {
        const charge = Math.floor(balances[i] * g.demurrage);
        if (charge > 0) {
          if (mutual) {
            book.transfer(i, account, charge);
            collected += charge;
          } else book.outflow(i, charge, economy.flows.demurrage);
        }
      }
      if (fee > 0 && !book.transfer(i, account, fee)) unpaid++;
    }
    // Paid out in whole minor units each; what does not divide waits in the account for the next tick.
    const pot = (economy.demurragePot[k] += collected);
    const each = members.length > 0 ? Math.floor(pot / members.length) : 0;
    if (each > 0) {
      for (const i of members) book.transfer(account, i, each);
      economy.demurragePot[k] -= each * members.length;
    }
  });
  return unpaid;
}
