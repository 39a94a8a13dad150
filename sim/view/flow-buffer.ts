import type { ViewFlows } from './view-frame.js';

/**
 * Flows of one tick for a live view, in arrays allocated once: `add` in a model's hot path allocates nothing;
 * beyond the capacity flows are counted as dropped. `copy` gives the frame its own arrays.
 */
export class FlowBuffer {
  count = 0;
  dropped = 0;
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly channel: Uint8Array;

  constructor(readonly capacity: number) {
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.channel = new Uint8Array(capacity);
  }

  /** Forgets the last tick's flows. */
  clear(): void {
    this.count = 0;
    this.dropped = 0;
  }

  add(from: number, to: number, channel: number): void {
    if (this.count === this.capacity) {
      this.dropped++;
      return;
    }
    this.from[this.count] = from;
    this.to[this.count] = to;
    this.channel[this.count] = channel;
    this.count++;
  }

  /** The flows now, in fresh arrays. */
  copy(): ViewFlows {
    const n = this.count;
    return {
      count: n,
      from: this.from.slice(0, n),
      to: this.to.slice(0, n),
      channel: this.channel.slice(0, n),
      dropped: this.dropped,
    };
  }
}
