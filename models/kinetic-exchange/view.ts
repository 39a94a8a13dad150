import type { Book } from '../../sim/ledger/book.js';
import type { MemberStory, ViewFrame, ViewProvider } from '../../sim/view/view-frame.js';
import { viewSample } from '../../sim/view/view-sample.js';

/** The money game's live view: sampled agents ranked by wealth (the page sorts them; ranks move as units change hands). */
export class KineticExchangeView implements ViewProvider {
  private readonly ids: Int32Array;

  constructor(
    maxMembers: number,
    private readonly money: Book,
    private readonly agents: number,
    private readonly initialWealth: number,
  ) {
    this.ids = viewSample(agents, maxMembers);
  }

  frame(tick: number): ViewFrame {
    const balances = this.money.balances;
    return {
      tick,
      population: this.agents,
      ids: this.ids.slice(),
      layout: { kind: 'ranked', by: 'wealth' },
      quantities: [
        {
          name: 'wealth',
          label: 'wealth',
          unit: 'units',
          values: Float64Array.from(this.ids, (i) => balances[i]),
        },
      ],
      clusters: null,
      kinds: null,
      hubs: [],
      channels: [],
      // Fresh (empty) arrays every frame: a host may transfer them.
      flows: {
        count: 0,
        from: new Int32Array(0),
        to: new Int32Array(0),
        channel: new Uint8Array(0),
        dropped: 0,
      },
    };
  }

  story(id: number): MemberStory | null {
    if (!(Number.isInteger(id) && id >= 0 && id < this.agents)) return null;
    const wealth = this.money.balances[id];
    return {
      member: id,
      title: `Agent ${id}`,
      lines: [
        { label: 'wealth', value: `${wealth} units` },
        {
          label: 'since the start',
          value: `${wealth >= this.initialWealth ? '+' : ''}${wealth - this.initialWealth} units`,
        },
        { label: 'in debt', value: wealth < 0 ? 'yes' : 'no' },
      ],
    };
  }
}
