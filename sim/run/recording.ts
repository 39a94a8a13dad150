import { z } from 'zod';

/**
 * Which ticks a run records: every K-th tick (and always the last), or the last tick only. A tick not recorded
 * is not observed either, so recording less makes a run cheaper, not just its output smaller. The fingerprint
 * covers the recorded ticks (each with its tick number), so a run recorded the same way gives the same
 * fingerprint in `mimo run` and in a study.
 */
export type Recording = { readonly every: number } | 'final';

/** Every tick: what `mimo run` and the lab record by default. */
export const EVERY_TICK: Recording = { every: 1 };

export const recordingSchema = z
  .union([
    z.literal('final').describe('Record the last tick only.'),
    z
      .object({
        every: z.int().min(1).describe('Record every K-th tick (K, 2K, …) and the last tick.'),
      })
      .strict(),
  ])
  .describe('Which ticks each run records: { every: K } (and the last tick) or `final`; default every tick.');

/** Whether tick t (1 … ticks) is recorded. */
export function isRecorded(recording: Recording, tick: number, ticks: number): boolean {
  return tick === ticks || (recording !== 'final' && tick % recording.every === 0);
}

/** How many of ticks 1 … ticks are recorded. */
export function recordedCount(recording: Recording, ticks: number): number {
  if (recording === 'final') return Math.min(1, ticks);
  const k = recording.every;
  return Math.floor(ticks / k) + (ticks % k === 0 ? 0 : 1);
}

/** `every:K` or `final` (the `--record` flag); null if the text is neither. */
export function parseRecording(text: string): Recording | null {
  if (text === 'final') return 'final';
  const m = /^every:(\d+)$/.exec(text);
  return m && Number(m[1]) >= 1 ? { every: Number(m[1]) } : null;
}

/** The flag text of a recording: `every:K` or `final`. */
export function recordingFlag(recording: Recording): string {
  return recording === 'final' ? 'final' : `every:${recording.every}`;
}
