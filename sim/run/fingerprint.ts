import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * SHA-256 over a run's recorded values, fed row by row as little-endian float64 (NaN canonicalised),
 * after the metric names. The same values give the same fingerprint on every machine and host.
 */
export class Fingerprint {
  private readonly hash = sha256.create();
  private row: DataView;
  private bytes: Uint8Array;

  constructor(metricNames: readonly string[]) {
    this.hash.update(new TextEncoder().encode(metricNames.join('\n') + '\n'));
    this.bytes = new Uint8Array(8 * (metricNames.length + 1));
    this.row = new DataView(this.bytes.buffer);
  }

  /** Adds one tick's row. */
  add(tick: number, values: Float64Array): void {
    const row = this.row;
    row.setFloat64(0, tick, true);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      row.setFloat64(8 * (i + 1), v === v ? v : NaN, true);
    }
    this.hash.update(this.bytes);
  }

  /** Hex digest; the fingerprint can be read once, at the end. */
  digest(): string {
    return bytesToHex(this.hash.digest());
  }
}
