import type {
  MemberStory,
  StoryLine,
  ViewFrame,
  ViewProvider,
  ViewQuantity,
} from '../../../sim/view/view-frame.js';
import { sampleIndex, viewSample } from '../../../sim/view/view-sample.js';
import type { AisLayer } from '../ais/layer.js';
import type { Economy } from '../economy/economy.js';
import type { CurrencyRates } from '../market/currency-rates.js';
import { HOUR, type MimoParams } from '../params.js';
import { TradeWatch } from './trade-watch.js';

/** Fiat minor units per unit (cents). */
const CENTS = 100;

/**
 * mimo's live view: sampled members placed by issuing group (clusters are the groups; companies a larger kind),
 * coloured by fiat, each currency's balance, total wealth, dividends received; the tick's trades between sampled
 * members as flows coloured by means of payment; with AIS on, AIS as a hub that records flow into and dividends
 * out of, and the data buyers outside it. Reads the model only.
 */
export class MimoView implements ViewProvider {
  readonly watch: TradeWatch;
  private readonly ids: Int32Array;
  private readonly channels: { name: string; label: string }[];
  private readonly dividend: number;
  private readonly sale: number;
  private readonly hubs: ViewFrame['hubs'];
  private readonly dividendUnits: { scale: number; unit: string; name: string };
  private unitsAtOpen = 0;

  constructor(
    maxMembers: number,
    private readonly economy: Economy,
    private readonly rates: CurrencyRates,
    private readonly ais: AisLayer | null,
    private readonly p: MimoParams,
  ) {
    const n = economy.population.n;
    this.ids = viewSample(n, maxMembers);
    const names = economy.names;
    this.channels = names.map((name, c) => ({ name, label: c === 0 ? 'paid in fiat' : `paid in ${name}` }));
    const mixed = this.channels.push({ name: 'mixed', label: 'paid in fiat and a currency' }) - 1;
    const record = ais ? this.channels.push({ name: 'record', label: 'trade recorded by AIS' }) - 1 : -1;
    this.dividend = ais ? this.channels.push({ name: 'dividend', label: 'dividend paid by AIS' }) - 1 : -1;
    this.sale = ais ? this.channels.push({ name: 'data-sale', label: 'statistics sold to a buyer' }) - 1 : -1;
    this.hubs = ais
      ? [
          { name: 'ais', label: 'AIS', place: 'inside' },
          ...p.dataMarket.buyers.map((b) => ({ name: b.name, label: b.name, place: 'outside' as const })),
        ]
      : [];
    const c = names.indexOf(p.dividends.currency);
    this.dividendUnits =
      c <= 0 ? { scale: CENTS, unit: 'fiat', name: 'fiat' } : { scale: HOUR, unit: names[c], name: names[c] };
    this.watch = new TradeWatch(sampleIndex(n, this.ids), this.ids.length, mixed, record, this.ids.length);
  }

  /** Before the tick's phases: forget the last tick. */
  openTick(): void {
    this.watch.openTick();
    this.unitsAtOpen = this.ais ? this.ais.payer.unitsCum : 0;
  }

  /** After the tick's phases: the dividends paid and the reports sold during it. */
  closeTick(tick: number): void {
    const ais = this.ais;
    if (!ais) return;
    const hub = this.ids.length;
    const flows = this.watch.flows;
    if (ais.payer.unitsCum !== this.unitsAtOpen) {
      const payouts = ais.payer.payouts;
      this.ids.forEach((id, k) => {
        if (payouts[id] > 0) flows.add(hub, k, this.dividend);
      });
    }
    ais.market.lastSale.forEach((at, b) => {
      if (at === tick) flows.add(hub + 1 + b, hub, this.sale);
    });
  }

  frame(tick: number): ViewFrame {
    const { economy, ids } = this;
    const population = economy.population;
    const size = ids.length;
    const quantity = (name: string, label: string, unit: string, read: (id: number) => number) => {
      const values = new Float64Array(size);
      for (let k = 0; k < size; k++) values[k] = read(ids[k]);
      return { name, label, unit, values };
    };
    const quantities: ViewQuantity[] = [
      quantity('fiat', 'fiat balance', 'fiat', (i) => economy.fiat.balances[i] / CENTS),
      ...economy.names
        .slice(1)
        .map((name, k) =>
          quantity(name, `${name} balance`, 'hours', (i) => economy.currencies[k + 1].balances[i] / HOUR),
        ),
      quantity('wealth', 'total wealth (fiat + currencies at market rates)', 'fiat', (i) => this.wealth(i)),
      quantity(
        'hours_given',
        'hours of service given so far',
        'hours',
        (i) => population.hoursGiven[i] / HOUR,
      ),
    ];
    const ais = this.ais;
    if (ais) {
      const { scale, unit } = this.dividendUnits;
      quantities.push(
        quantity('dividends', 'dividends received so far', unit, (i) => ais.payer.received[i] / scale),
        quantity('records', 'trades recorded by AIS', 'records', (i) => ais.ais.records[i]),
      );
    }
    return {
      tick,
      population: population.n,
      ids: ids.slice(),
      layout: { kind: 'clusters' },
      quantities,
      clusters: {
        names: this.p.groups.map((g) => g.name),
        masks: Int32Array.from(ids, (i) => population.groups[i]),
      },
      kinds: { names: ['person', 'company'], of: Uint8Array.from(ids, (i) => population.isCompany[i]) },
      hubs: this.hubs,
      channels: this.channels,
      flows: this.watch.flows.copy(),
    };
  }

  story(id: number): MemberStory | null {
    const { economy, p } = this;
    const population = economy.population;
    if (!(Number.isInteger(id) && id >= 0 && id < population.n)) return null;
    const fiat = (minor: number) => `${(minor / CENTS).toFixed(2)} fiat`;
    const hours = (minor: number, name = 'hours') => `${(minor / HOUR).toFixed(2)} ${name}`;
    const groups = p.groups.filter((_, g) => population.groups[id] & (1 << g)).map((g) => g.name);
    const lines: StoryLine[] = [
      { label: 'groups', value: groups.length ? groups.join(', ') : 'none (an outsider: pays in fiat only)' },
      { label: 'fiat', value: fiat(economy.fiat.balances[id]) },
    ];
    for (let c = 1; c < economy.count; c++) {
      const book = economy.currencies[c];
      const floor = book.floor(id);
      const credit = floor < 0 ? ` (may go down to ${hours(floor, economy.names[c])})` : '';
      lines.push({ label: economy.names[c], value: hours(book.balances[id], economy.names[c]) + credit });
    }
    lines.push(
      { label: 'total wealth', value: `${this.wealth(id).toFixed(2)} fiat at market rates` },
      {
        label: 'service so far',
        value: `gave ${hours(population.hoursGiven[id])}, received ${hours(population.hoursReceived[id])}`,
      },
    );
    const k = this.ids.indexOf(id);
    if (k >= 0) {
      const w = this.watch;
      const paid = [
        w.fiatOut[k] > 0 ? fiat(w.fiatOut[k]) : '',
        w.culturalOut[k] > 0 ? hours(w.culturalOut[k]) : '',
      ]
        .filter(Boolean)
        .join(' + ');
      const got = [
        w.fiatIn[k] > 0 ? fiat(w.fiatIn[k]) : '',
        w.culturalIn[k] > 0 ? hours(w.culturalIn[k]) : '',
      ]
        .filter(Boolean)
        .join(' + ');
      lines.push({
        label: 'trades this tick',
        value:
          w.bought[k] + w.sold[k] === 0
            ? 'none'
            : `bought ${w.bought[k]}${paid ? ` (paid ${paid})` : ''}, sold ${w.sold[k]}${got ? ` (got ${got})` : ''}`,
      });
    }
    const ais = this.ais;
    if (ais) {
      const { scale, name } = this.dividendUnits;
      const amount = (v: number) => `${(v / scale).toFixed(2)} ${name}`;
      lines.push(
        { label: 'trades recorded by AIS', value: String(ais.ais.records[id]) },
        {
          label: 'dividends',
          value: `last ${amount(ais.payer.payouts[id])}, ${amount(ais.payer.received[id])} in all`,
        },
      );
    }
    return { member: id, title: `Member ${id} (${population.isCompany[id] ? 'company' : 'person'})`, lines };
  }

  /** Fiat plus every currency's balance at the market's reference rate, in fiat units. */
  private wealth(id: number): number {
    const { economy, rates } = this;
    let v = economy.fiat.balances[id];
    for (let c = 1; c < economy.count; c++) v += economy.currencies[c].balances[id] * rates.fiatValue(c);
    return v / CENTS;
  }
}
