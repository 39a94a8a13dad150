import { UsageError } from './usage-error.js';

/**
 * Refuses more shards than the study has runs (the extra ones would be empty): `--shard I/N` of `mimo study` and
 * `--tasks N` of `mimo study slurm` (`what`: "shard", "task"; `got`: the flag's value as given).
 */
export function checkShardsPerRun(
  flag: string,
  what: string,
  shards: number,
  runs: number,
  got: string,
): void {
  if (shards > runs)
    throw new UsageError(`${flag}: at most one ${what} per run, and the study has ${runs} runs (got ${got})`);
}
