import seedrandom from 'seedrandom';
import { Rng, type RngState } from './rng.js';

/**
 * Independent named random streams. Each stream is seeded from (seed, replicate, name) through
 * seedrandom's ARC4 generator, so a draw added in one subsystem never shifts another, and a
 * replicate of an ensemble never shares a stream with its siblings.
 */
export function streamState(seed: number, replicate: number, name: string): RngState {
  const source = seedrandom(`mimo-lab/${seed}/${replicate}/${name}`);
  return [source.int32() >>> 0, source.int32() >>> 0, source.int32() >>> 0, source.int32() >>> 0];
}

export function stream(seed: number, replicate: number, name: string): Rng {
  return new Rng(streamState(seed, replicate, name));
}

/** The streams of one run: created on first use, each remembered by name. */
export class Streams {
  private readonly byName = new Map<string, Rng>();

  constructor(
    readonly seed: number,
    readonly replicate = 0,
  ) {}

  get(name: string): Rng {
    let rng = this.byName.get(name);
    if (!rng) {
      rng = stream(this.seed, this.replicate, name);
      this.byName.set(name, rng);
    }
    return rng;
  }

  /** Every stream's state, by name: enough to resume the run's randomness exactly. */
  save(): Record<string, RngState> {
    const out: Record<string, RngState> = {};
    for (const [name, rng] of this.byName) out[name] = rng.save();
    return out;
  }

  restore(states: Record<string, RngState>): void {
    for (const [name, state] of Object.entries(states)) this.get(name).restore(state);
  }
}
