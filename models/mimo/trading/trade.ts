/**
 * One trade on its way through settlement. A single instance is reused for every trade (no allocation per trade);
 * observers of settlement (the AIS) read it and must copy what they keep.
 */
export class Trade {
  tick = 0;
  buyer = 0;
  seller = 0;
  category = 0;
  /** Service delivered, in minor units of hours. */
  hours = 0;
  /** The buyer's and the seller's private reservation values (fiat minor units). */
  value = 0;
  cost = 0;
  /** The financial value: the negotiated fiat-equivalent price (fiat minor units). */
  price = 0;
  /** Currency of the cultural leg (0: none, all fiat). */
  currency = 0;
  /** Share of the price agreed to be settled in cultural currency. */
  culturalShare = 0;
  /** The cultural value: the cultural leg, in minor units of `currency` (the hour standard: hours of service). */
  cultural = 0;
  /** The fiat leg (fiat minor units). */
  fiat = 0;
  /** The buyer does not hold the cultural leg and must buy it on the currency market. */
  needsMarket = false;
}

/** Counters of one tick's trading, reset at the start of each tick. */
export class TradeStats {
  needs = 0;
  unmet = 0;
  /** Unmet needs by cause: no provider with capacity found, negotiation broke down, the buyer could not pay. */
  unmetNoProvider = 0;
  unmetNoAgreement = 0;
  unmetNoMoney = 0;
  negotiations = 0;
  breakdowns = 0;
  paymentFailures = 0;
  rounds = 0;
  trades = 0;
  surplus = 0;
  /** Sum of financial values of settled trades, and the part settled in cultural currency (fiat-equivalent). */
  value = 0;
  culturalValue = 0;
  /** Fiat paid between members (trades and swaps): the numerator of velocity. */
  fiatPaid = 0;
  hours = 0;
  /** Members who have bought or given a service so far in the run (never reset). */
  activeMembers = 0;
  /** Currency swaps made on the market … */
  swaps = 0;
  /** … of which between two cultural currencies. */
  culturalSwaps = 0;
  /** Fiat-equivalent volume settled in each currency (0 = fiat), for the Herfindahl index. */
  readonly volume: Float64Array;
  /** Minor units of each currency that changed hands between members (trades and swaps): hours turned over. */
  readonly turnover: Float64Array;

  constructor(currencies: number) {
    this.volume = new Float64Array(currencies);
    this.turnover = new Float64Array(currencies);
  }

  reset(): void {
    this.needs = this.unmet = this.negotiations = this.breakdowns = this.paymentFailures = 0;
    this.unmetNoProvider = this.unmetNoAgreement = this.unmetNoMoney = 0;
    this.rounds =
      this.trades =
      this.surplus =
      this.value =
      this.culturalValue =
      this.fiatPaid =
      this.hours =
      this.swaps =
      this.culturalSwaps =
        0;
    this.volume.fill(0);
    this.turnover.fill(0);
  }
}
