import { describe, expect, it } from 'vitest';
import type { ViewFrame } from '../../../sim/host/worker/api.js';
import { describeFrame } from '../../../viz/economy-view/describe-frame.js';

const noFlows = {
  count: 0,
  from: new Int32Array(0),
  to: new Int32Array(0),
  channel: new Uint8Array(0),
  dropped: 0,
};

/** A frame of 4 sampled members out of 10, in two groups, with an AIS hub and flows on two of three channels. */
const clustered: ViewFrame = {
  tick: 12,
  population: 10,
  ids: Int32Array.from([0, 3, 6, 9]),
  layout: { kind: 'clusters' },
  quantities: [
    { name: 'fiat', label: 'fiat balance', unit: 'fiat', values: Float64Array.from([1, 2, 3, 4]) },
  ],
  clusters: { names: ['hours', 'tokens'], masks: Int32Array.from([1, 2, 3, 0]) },
  kinds: null,
  hubs: [{ name: 'ais', label: 'AIS', place: 'inside' }],
  channels: [
    { name: 'fiat', label: 'paid in fiat' },
    { name: 'hours', label: 'paid in hours' },
    { name: 'mixed', label: 'paid in fiat and a currency' },
  ],
  flows: {
    count: 3,
    from: Int32Array.from([0, 1, 2]),
    to: Int32Array.from([1, 2, 4]),
    channel: Uint8Array.from([0, 2, 0]),
    dropped: 5,
  },
};

describe('the live view in words', () => {
  it('says the tick, who is drawn and how, what the colours show, the hubs and the flows by channel', () => {
    const alt = describeFrame(clustered, { name: 'fiat', lo: 1, hi: 4 });
    expect(alt.label).toBe(
      'The economy, live, at tick 12: 4 of 10 members placed by group (hours, tokens), an evenly spread sample. ' +
        'Colour: fiat balance from 1 to 4 fiat. Hubs: AIS. Arcs: 3 flows of tick 12 (and 5 not drawn): ' +
        '2 paid in fiat, 1 paid in fiat and a currency.',
    );
    expect(alt.description).toMatch(/arrow keys follow one member after another/);
  });

  it('describes a ranked view by its quantity, without flows or hubs', () => {
    const ranked: ViewFrame = {
      ...clustered,
      population: 4,
      layout: { kind: 'ranked', by: 'wealth' },
      quantities: [
        { name: 'wealth', label: 'wealth', unit: 'units', values: Float64Array.from([5, 0, 2, 9]) },
      ],
      clusters: null,
      hubs: [],
      channels: [],
      flows: noFlows,
    };
    expect(describeFrame(ranked, { name: 'wealth', lo: 0, hi: 9 }).label).toBe(
      'The economy, live, at tick 12: 4 of 4 agents as bars ranked by wealth, richest on the left. ' +
        'Colour: wealth from 0 to 9 units.',
    );
  });
});
