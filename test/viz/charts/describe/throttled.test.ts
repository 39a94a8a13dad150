import { describe, expect, it } from 'vitest';
import { ThrottledText, type Clock } from '../../../../viz/charts/describe/throttled.js';

/** A clock moved by hand, running its timers when their time comes. */
function manualClock(): Clock & { advance(ms: number): void } {
  let t = 0;
  const timers: { at: number; run: () => void }[] = [];
  return {
    now: () => t,
    later: (run, ms) => void timers.push({ at: t + ms, run }),
    advance(ms) {
      const end = t + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        t = next.at;
        next.run();
      }
      t = end;
    },
  };
}

describe('a throttled text alternative', () => {
  it('applies at most once a second however often it is asked, and ends on the latest ask', () => {
    const clock = manualClock();
    const applied: { at: number; label: string }[] = [];
    let built = 0;
    const text = new ThrottledText((alt) => applied.push({ at: clock.now(), label: alt.label }), 1000, clock);
    // 50 redraws a second for 3 seconds: the timer's turn comes after the redraw of the same instant.
    for (let frame = 0; frame < 150; frame++) {
      text.set(() => {
        built++;
        return { label: `frame ${frame}` };
      });
      clock.advance(20);
    }
    clock.advance(2000);
    expect(applied.map((a) => a.label)).toEqual(['frame 0', 'frame 49', 'frame 99', 'frame 149']);
    for (let i = 1; i < applied.length; i++)
      expect(applied[i].at - applied[i - 1].at).toBeGreaterThanOrEqual(1000);
    // Only the texts applied were built.
    expect(built).toBe(applied.length);
  });

  it('applies at once when asked to (the run’s end)', () => {
    const clock = manualClock();
    const applied: string[] = [];
    const text = new ThrottledText((alt) => applied.push(alt.label), 1000, clock);
    text.set(() => ({ label: 'a' }));
    clock.advance(100);
    text.set(() => ({ label: 'b' }));
    text.set(() => ({ label: 'end' }), true);
    clock.advance(5000);
    expect(applied).toEqual(['a', 'end']);
  });
});
