import { describe, expect, it } from 'vitest';
import { Fingerprint } from '../../../sim/run/fingerprint.js';
import type { Frame } from '../../../sim/run/recorder.js';
import { isRecorded, parseRecording, recordedCount, recordingFlag } from '../../../sim/run/recording.js';
import { Run } from '../../../sim/run/run.js';
import { validateScenario } from '../../../sim/scenario/validate.js';
import { fixtureRegistry, walk } from './fixture-model.js';

const scenario = () =>
  validateScenario({ name: 't', model: 'walk', seed: 5, ticks: 20 }, fixtureRegistry) as never;

describe('recording every K ticks or the last only', () => {
  it('records K, 2K, … and always the last tick', () => {
    const ticks = (every: number) =>
      Array.from({ length: 20 }, (_, i) => i + 1).filter((t) => isRecorded({ every }, t, 20));
    expect(ticks(1)).toHaveLength(20);
    expect(ticks(6)).toEqual([6, 12, 18, 20]);
    expect(ticks(5)).toEqual([5, 10, 15, 20]);
    expect(recordedCount({ every: 6 }, 20)).toBe(4);
    expect(recordedCount({ every: 5 }, 20)).toBe(4);
    expect(recordedCount('final', 20)).toBe(1);
    expect(parseRecording('every:3')).toEqual({ every: 3 });
    expect(parseRecording('final')).toBe('final');
    expect(parseRecording('every:0')).toBeNull();
    expect(parseRecording('sometimes')).toBeNull();
    expect(recordingFlag({ every: 4 })).toBe('every:4');
  });

  it('keeps the rows of a full run at the recorded ticks, and fingerprints exactly those rows', () => {
    const full = new Run(walk, scenario());
    full.runToEnd();
    const frames: Frame[] = [];
    const sparse = new Run(walk, scenario(), {
      record: { every: 6 },
      frames: { frame: (f) => frames.push(f) },
    });
    const result = sparse.runToEnd();
    expect([...sparse.recorder.tickOf]).toEqual([6, 12, 18, 20]);
    const expected = new Fingerprint(full.metrics.map((m) => m.name));
    const row = new Float64Array(full.metrics.length);
    for (const tick of [6, 12, 18, 20]) {
      full.recorder.columns.forEach((c, m) => (row[m] = c[tick - 1]));
      expected.add(tick, row);
      sparse.recorder.columns.forEach((c, m) => expect(c[sparse.recorder.tickOf.indexOf(tick)]).toBe(row[m]));
    }
    expect(result.fingerprint).toBe(expected.digest());
    expect(frames.flatMap((f) => [...(f.ticks ?? [])])).toEqual([6, 12, 18, 20]);
    const final = new Run(walk, scenario(), { record: 'final' }).runToEnd();
    expect(final.metrics[full.metrics[0].name].final).toBe(full.result().metrics[full.metrics[0].name].final);
    expect(final.fingerprint).not.toBe(full.result().fingerprint);
  });
});
