import type { Rng } from '../../../sim/random/rng.js';
import { randomSetBit } from './matching.js';
import type { Population } from '../economy/population.js';
import type { Trade } from './trade.js';
import type { MimoParams } from '../params.js';

/**
 * Chooses the means of payment of an agreed trade: the share σ = min(buyer's, seller's cultural preference) is
 * settled in a cultural currency (the buyer's preference rises when it is short of fiat, see `fiatBuffer`) — one the two share, or else (if `outsiders`) one of the seller's, which the buyer
 * must then obtain on the market — and the rest in fiat. The cultural leg follows the hour standard: σ × hours of
 * service, in hour units; the fiat leg is (1 − σ) × price. "$10 = M7": both legs together pay for the service.
 */
export function choosePayment(
  trade: Trade,
  population: Population,
  rng: Rng,
  p: MimoParams['payment'],
  fiatHeld: number,
): void {
  const { outsiders, fiatBuffer } = p;
  const { buyer, seller } = trade;
  const prefs = population.culturalPreference;
  // A buyer short of fiat is willing to pay more of the price in cultural currency: its preference moves towards 1
  // as its fiat falls below `fiatBuffer` prices. The provider's preference caps what it accepts.
  const buffer = fiatBuffer * trade.price;
  const scarcity = buffer > 0 ? Math.max(0, 1 - fiatHeld / buffer) : 0;
  const willing = prefs[buyer] + (1 - prefs[buyer]) * scarcity;
  const share = Math.min(willing, prefs[seller]);
  const shared = population.groups[buyer] & population.groups[seller];
  const mask = shared !== 0 ? shared : outsiders ? population.groups[seller] : 0;
  if (share <= 0 || mask === 0) {
    trade.currency = 0;
    trade.culturalShare = 0;
    trade.cultural = 0;
    trade.fiat = trade.price;
    return;
  }
  trade.currency = 1 + randomSetBit(mask, rng);
  trade.culturalShare = share;
  trade.cultural = Math.round(share * trade.hours);
  trade.fiat = Math.round((1 - share) * trade.price);
}
