import { FlowBuffer } from '../../../sim/view/flow-buffer.js';
import type { SettlementObserver } from '../trading/settlement.js';
import type { Trade } from '../trading/trade.js';

/** Most flows a frame lists per tick (trades between sampled members, records, dividends, sales). */
const FLOW_CAPACITY = 16_384;

/**
 * What the sampled members do during a tick, noted read-only as trades settle: the arcs of trades between two
 * sampled members (coloured by means of payment: fiat, currency c, or mixed), the record each trade leaves with
 * AIS, and each sampled member's trades this tick. Preallocated: nothing is allocated per trade.
 */
export class TradeWatch implements SettlementObserver {
  readonly flows = new FlowBuffer(FLOW_CAPACITY);
  /** Per sampled member this tick: services bought and sold, fiat paid and received, cultural units paid and received. */
  readonly bought: Int32Array;
  readonly sold: Int32Array;
  readonly fiatOut: Float64Array;
  readonly fiatIn: Float64Array;
  readonly culturalOut: Float64Array;
  readonly culturalIn: Float64Array;

  /**
   * `index[id]` is the member's place in the sample (−1: not sampled); channels: 0 fiat, c a currency, `mixed`
   * both; `record` the channel of a record flowing to the AIS hub (node `hub`), or −1 without AIS.
   */
  constructor(
    private readonly index: Int32Array,
    size: number,
    private readonly mixed: number,
    private readonly record: number,
    private readonly hub: number,
  ) {
    this.bought = new Int32Array(size);
    this.sold = new Int32Array(size);
    this.fiatOut = new Float64Array(size);
    this.fiatIn = new Float64Array(size);
    this.culturalOut = new Float64Array(size);
    this.culturalIn = new Float64Array(size);
  }

  /** Forgets the last tick. */
  openTick(): void {
    this.flows.clear();
    this.bought.fill(0);
    this.sold.fill(0);
    this.fiatOut.fill(0);
    this.fiatIn.fill(0);
    this.culturalOut.fill(0);
    this.culturalIn.fill(0);
  }

  settled(trade: Trade): void {
    const b = this.index[trade.buyer];
    const s = this.index[trade.seller];
    if (b < 0 && s < 0) return;
    const cultural = trade.currency !== 0 && trade.cultural > 0;
    if (b >= 0) {
      this.bought[b]++;
      this.fiatOut[b] += trade.fiat;
      if (cultural) this.culturalOut[b] += trade.cultural;
      if (this.record >= 0) this.flows.add(b, this.hub, this.record);
    }
    if (s >= 0) {
      this.sold[s]++;
      this.fiatIn[s] += trade.fiat;
      if (cultural) this.culturalIn[s] += trade.cultural;
      if (this.record >= 0 && b < 0) this.flows.add(s, this.hub, this.record);
    }
    if (b >= 0 && s >= 0) {
      const means = !cultural ? 0 : trade.fiat > 0 ? this.mixed : trade.currency;
      this.flows.add(b, s, means);
    }
  }
}
