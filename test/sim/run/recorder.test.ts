import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Recorder, type Frame } from '../../../sim/run/recorder.js';

const metrics = [
  { name: 'a', description: 'a', unit: 'u' },
  { name: 'b', description: 'b', unit: 'u' },
];

function expectedDigest(rows: number[][]): string {
  const h = createHash('sha256');
  h.update('a\nb\n');
  rows.forEach((row, t) => {
    const buf = Buffer.alloc(8 * 3);
    buf.writeDoubleLE(t + 1, 0);
    row.forEach((v, i) => buf.writeDoubleLE(v, 8 * (i + 1)));
    h.update(buf);
  });
  return h.digest('hex');
}

describe('Recorder', () => {
  it('keeps columns, summarises them and fingerprints the values as documented (SHA-256 of LE doubles)', () => {
    const r = new Recorder(metrics, 3);
    const rows = [
      [1, 10],
      [3, -2],
      [2, 5.5],
    ];
    for (const row of rows) r.record(Float64Array.from(row));
    expect([...r.columns[0]]).toEqual([1, 3, 2]);
    expect(r.summary().a).toEqual({ final: 2, mean: 2, min: 1, max: 3 });
    expect(r.summary().b).toEqual({ final: 5.5, mean: 13.5 / 3, min: -2, max: 10 });
    expect(r.fingerprintHex()).toBe(expectedDigest(rows));
  });

  it('summarises over the ticks that have a value: NaN (no value) is skipped by mean, min and max alike', () => {
    const r = new Recorder(metrics, 4);
    for (const row of [
      [NaN, NaN],
      [2, NaN],
      [NaN, NaN],
      [4, NaN],
    ])
      r.record(Float64Array.from(row));
    expect(r.summary().a).toEqual({ final: 4, mean: 3, min: 2, max: 4 });
    expect(r.summary().b).toEqual({ final: NaN, mean: NaN, min: NaN, max: NaN });
    const ends = new Recorder(metrics, 2);
    ends.record(Float64Array.of(1, 1));
    ends.record(Float64Array.of(NaN, 1));
    expect(ends.summary().a).toEqual({ final: NaN, mean: 1, min: 1, max: 1 });
  });

  it('changes the fingerprint when any value changes, even in the last bit', () => {
    const fp = (x: number) => {
      const r = new Recorder(metrics, 1);
      r.record(Float64Array.of(x, 1));
      return r.fingerprintHex();
    };
    expect(fp(0.1)).not.toBe(fp(0.1 + Number.EPSILON / 8 + 1e-17));
    expect(fp(0.1)).toBe(fp(0.1));
  });

  it('sends frames every K ticks, decided by tick count, and the rest on flush', () => {
    const frames: Frame[] = [];
    const r = new Recorder(metrics, 10, { frame: (f) => frames.push(f) }, 4);
    for (let t = 1; t <= 10; t++) r.record(Float64Array.of(t, -t));
    r.flush();
    expect(frames.map((f) => [f.from, f.to])).toEqual([
      [1, 4],
      [5, 8],
      [9, 10],
    ]);
    expect([...frames[1].columns[1]]).toEqual([-5, -6, -7, -8]);
  });

  it('refuses to record past its length', () => {
    const r = new Recorder(metrics, 1);
    r.record(Float64Array.of(1, 2));
    expect(() => r.record(Float64Array.of(1, 2))).toThrow(/full/);
  });
});
