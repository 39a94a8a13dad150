import type { Rng } from '../../../sim/random/rng.js';
import type { Economy } from '../economy/economy.js';
import type { CurrencyRates } from '../market/currency-rates.js';
import type { HourValue } from '../market/hour-value.js';
import { HOUR, type MimoParams } from '../params.js';
import { randomSetBit } from './matching.js';
import type { Trade } from './trade.js';

/** What the payment choice reads besides the trade and the params: balances, use values and reference rates. */
export interface PaymentParts {
  readonly economy: Economy;
  readonly hourValue: HourValue;
  readonly rates: CurrencyRates;
  /** Fiat minor units per minor unit of each currency at the reference rate, copied when the trading day opens. */
  readonly fiatRates: Float64Array;
}

/**
 * Plans how a trade will be paid, before its price is negotiated (the buyer knows what it will pay with when it
 * bids): the currency (one the two share, or else, if `outsiders`, one of the provider's, which the buyer must then
 * buy) and the share σ paid in it, the rest in fiat. Each side weighs the two means by their cost to it
 * (cash in advance: fiat spent on one service is not there for the next; Clower 1967, Lucas & Stokey 1987):
 *
 *     buyer:    σ_b = min(1, preference × λ × serviceRate / cost of an hour)
 *               λ = 1 / incomeFactor × (1 + fiat scarcity): its shadow cost of fiat (more for the poorer, and as its
 *               fiat falls below `fiatBuffer` prices); cost of an hour = its own value of the hour if it can pay
 *               from its balance or credit line, else the reference rate with the exchange fee, × λ (it must buy it);
 *     provider: σ_s = min(1, preference × its value of one more hour / serviceRate)   (accepts hours by its use);
 *     σ = min(σ_b, σ_s).
 *
 * The preference is the member's taste for the community currency (Seyfang 2004: reciprocity and belonging); the
 * ratios are what prices and liquidity do to it. Both sides' reservation values then count each part at what it is
 * worth to them: the buyer's value of the service is value × (1 − σ) × income factor (a unit of fiat matters more
 * to the poorer) + value × σ × serviceRate / its value of an hour (a creditor, to whom hours are worth little, buys
 * more with them: it spends down; a debtor buys less); the provider's cost is cost × (1 − σ) + cost × σ ×
 * serviceRate / its value of an hour (a debtor works for hours at a lower price: it offers more hours; a creditor
 * asks more). Ratios are kept within [1/4, 4]. Writes both into `trade.value` and `trade.cost` (they enter the
 * base values) and sets `trade.needsMarket`: the buyer will have to buy the hours.
 */
export function planPayment(
  trade: Trade,
  parts: PaymentParts,
  p: MimoParams,
  scaleFactor: number,
  rng: Rng,
): void {
  const { buyer, seller } = trade;
  const { hourValue, economy, fiatRates } = parts;
  const pop = economy.population;
  const incomeFactor = pop.incomeFactor[buyer] * scaleFactor;
  const exchangeFee = p.fees.exchange;
  const fiatValue = trade.value * incomeFactor;
  const shared = pop.groups[buyer] & pop.groups[seller];
  const mask = shared !== 0 ? shared : p.payment.outsiders ? pop.groups[seller] : 0;
  trade.needsMarket = false;
  if (mask === 0) {
    trade.currency = 0;
    trade.culturalShare = 0;
    trade.value = Math.max(1, Math.round(fiatValue));
    return;
  }
  const c = 1 + randomSetBit(mask, rng);
  const rate = hourValue.serviceRate;
  const servicePrice = (rate * trade.hours) / HOUR;
  const buffer = p.payment.fiatBuffer * servicePrice;
  const fiat = economy.fiat.balances[buyer];
  const scarcity = buffer > 0 ? Math.max(0, 1 - fiat / buffer) : 0;
  const lambda = (1 + scarcity) / Math.max(incomeFactor, 1e-6);
  const book = economy.currencies[c];
  const held = book.balances[buyer];
  const holds = held - book.floor(buyer) >= trade.hours;
  const hourCost = holds ? hourValue.value(buyer, c) : fiatRates[c] * HOUR * (1 + exchangeFee) * lambda;
  const prefs = pop.culturalPreference;
  const buyerShare = hourCost > 0 ? Math.min(1, (prefs[buyer] * lambda * rate) / hourCost) : 1;
  const sellerPref = prefs[seller];
  const sellerValue = sellerPref > 0 && buyerShare > 0 ? hourValue.value(seller, c) : 0;
  const sellerShare = Math.min(1, (sellerPref * sellerValue) / rate);
  const share = Math.min(buyerShare, sellerShare);
  if (!(share > 0)) {
    trade.currency = 0;
    trade.culturalShare = 0;
    trade.value = Math.max(1, Math.round(fiatValue));
    return;
  }
  trade.currency = c;
  trade.culturalShare = share;
  trade.needsMarket = !holds;
  const buyerRatio = clampRatio(rate / (holds ? hourCost : fiatRates[c] * HOUR * (1 + exchangeFee)));
  const sellerRatio = clampRatio(rate / sellerValue);
  trade.value = Math.max(1, Math.round(fiatValue * (1 - share) + trade.value * share * buyerRatio));
  trade.cost = Math.max(1, Math.round(trade.cost * (1 - share + share * sellerRatio)));
}

/** A value ratio kept within [1/4, 4] (a member that holds many hours it will never use does not value them at 0). */
function clampRatio(ratio: number): number {
  return ratio > 4 ? 4 : ratio < 0.25 ? 0.25 : ratio;
}

/** Splits the agreed price into its legs: σ × hours of service in the currency, (1 − σ) × price in fiat. */
export function splitPayment(trade: Trade): void {
  if (trade.currency === 0) {
    trade.cultural = 0;
    trade.fiat = trade.price;
    return;
  }
  trade.cultural = Math.round(trade.culturalShare * trade.hours);
  if (trade.cultural === 0) {
    trade.currency = 0;
    trade.fiat = trade.price;
    return;
  }
  trade.fiat = Math.round((1 - trade.culturalShare) * trade.price);
}
