import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where test/cluster/slurm-up.sh puts its Slurm (its slurm.conf, env file, logs). */
export const SLURM_DIR = process.env.MIMO_SLURM_DIR ?? '/tmp/mimo-slurm';

/** CI sets MIMO_REQUIRE_SLURM=1: there the cluster tests fail, rather than skip, when Slurm does not answer. */
export const SLURM_REQUIRED = process.env.MIMO_REQUIRE_SLURM === '1';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a Slurm client command (sbatch, squeue, scancel, scontrol, sinfo). */
export function slurm(command: string, args: string[]): CommandResult {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? r.error?.message ?? '' };
}

/**
 * Points the Slurm clients (here and in every process the tests start) at the Slurm slurm-up.sh started, unless
 * SLURM_CONF already names one; then returns why Slurm cannot take jobs, or null when sinfo shows a node ready.
 */
export function slurmProblem(): string | null {
  const conf = join(SLURM_DIR, 'slurm.conf');
  if (!process.env.SLURM_CONF && existsSync(conf)) process.env.SLURM_CONF = conf;
  const r = slurm('sinfo', ['-h', '-o', '%T']);
  if (r.code !== 0) return r.stderr.trim().split('\n').pop() || `sinfo: exit ${r.code}`;
  const states = r.stdout.trim().split('\n');
  return states.some((s) => /^(idle|mixed|allocated)$/.test(s))
    ? null
    : `no node ready (sinfo: ${states.join(', ') || 'none'})`;
}

/** Resolves once `check` is true, polling every `every` ms; rejects after `ms` with `what`. */
export async function waitFor(what: string, check: () => boolean, ms: number, every = 500): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

/** Resolves once none of the jobs is pending or running (squeue no longer lists them). */
export function jobsEnded(ids: string[], ms: number): Promise<void> {
  return waitFor(
    `jobs ${ids.join(', ')} to end`,
    () => {
      const r = slurm('squeue', ['-h', '-j', ids.join(','), '-o', '%i %T']);
      return r.stdout.trim() === '' && (r.code === 0 || /Invalid job id/.test(r.stderr));
    },
    ms,
  );
}

/** The final states of a job's records (one per array task), e.g. ['COMPLETED', 'CANCELLED']. */
export function jobStates(id: string): string[] {
  const r = slurm('scontrol', ['show', 'job', '-o', id]);
  return [...r.stdout.matchAll(/JobState=(\w+)/g)].map((m) => m[1]);
}
