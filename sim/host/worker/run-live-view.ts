import type { Run } from '../../run/run.js';
import type { MemberStory, ViewFrame } from '../../view/view-frame.js';
import type { LiveViewApi } from './api.js';
import type { Transfer } from './transfer.js';

/** The open run's live view: frames pulled by the page when it can draw one, so a busy page costs the engine nothing. */
export class RunLiveView implements LiveViewApi {
  private watched: Run | null = null;

  constructor(
    private readonly runs: { current(): Run },
    private readonly transfer: Transfer,
  ) {}

  watch(maxMembers: number): boolean {
    const run = this.runs.current();
    this.watched = run;
    return run.watch(Math.max(1, Math.min(MAX_VIEW_MEMBERS, Math.floor(maxMembers))));
  }

  viewFrame(afterTick = -1): ViewFrame | null {
    const run = this.runs.current();
    if (run !== this.watched || run.tick <= afterTick) return null;
    const frame = run.viewFrame();
    if (!frame) return null;
    const buffers: ArrayBuffer[] = [frame.ids.buffer as ArrayBuffer];
    for (const q of frame.quantities) buffers.push(q.values.buffer as ArrayBuffer);
    if (frame.clusters) buffers.push(frame.clusters.masks.buffer as ArrayBuffer);
    if (frame.kinds) buffers.push(frame.kinds.of.buffer as ArrayBuffer);
    const { from, to, channel } = frame.flows;
    buffers.push(from.buffer as ArrayBuffer, to.buffer as ArrayBuffer, channel.buffer as ArrayBuffer);
    return this.transfer(frame, buffers);
  }

  story(member: number): MemberStory | null {
    const run = this.runs.current();
    return run === this.watched ? run.story(member) : null;
  }
}

/** The most members a live view may show (what a page can draw smoothly). */
export const MAX_VIEW_MEMBERS = 20_000;
