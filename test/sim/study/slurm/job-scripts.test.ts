import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { howto, submitCommands } from '../../../../sim/study/slurm/howto.js';
import { arrayScript, mergeScript } from '../../../../sim/study/slurm/job-scripts.js';
import { shellQuote } from '../../../../sim/study/slurm/shell-quote.js';
import type { SlurmJob, SlurmPaths } from '../../../../sim/study/slurm/slurm-job.js';

const job: SlurmJob = {
  name: 'drivers',
  tasks: 40,
  throttle: null,
  cpus: 4,
  time: null,
  mem: null,
  partition: null,
  account: null,
  extra: [],
};
const paths: SlurmPaths = {
  project: "/home/ann/mimo lab's",
  study: '/home/ann/studies/drivers.yaml',
  out: '/scratch/ann/drivers',
  node: null,
  fallbackNode: '/opt/node/bin/node',
};

/** The `#SBATCH` lines of a script. */
function directives(script: string): string[] {
  return script.split('\n').filter((l) => l.startsWith('#SBATCH'));
}

/** What bash makes of `words`: each word, NUL-terminated. */
function bashWords(words: string): string[] {
  const r = spawnSync('bash', ['-c', `printf '%s\\0' ${words}`], { encoding: 'utf8' });
  return r.stdout.split('\0').slice(0, -1);
}

describe('slurm job scripts', () => {
  it('study.sbatch: an array of N tasks, task I running shard I/N with one worker per CPU, logs per task', () => {
    const script = arrayScript(job, paths);
    expect(script.startsWith('#!/bin/bash\n')).toBe(true);
    expect(directives(script)).toEqual([
      '#SBATCH --job-name=mimo-drivers',
      '#SBATCH --array=1-40',
      '#SBATCH --ntasks=1',
      '#SBATCH --cpus-per-task=4',
      '#SBATCH --output=/scratch/ann/drivers/slurm/logs/study-%A_%a.out',
      '#SBATCH --error=/scratch/ann/drivers/slurm/logs/study-%A_%a.err',
    ]);
    expect(script).toContain(
      `exec "$node" '/home/ann/mimo lab'\\''s/bin/mimo.js' study /home/ann/studies/drivers.yaml`,
    );
    expect(script).toContain('--shard "$SLURM_ARRAY_TASK_ID/40" --workers "${SLURM_CPUS_PER_TASK:-1}"');
    expect(script).toContain('node="$(command -v node || echo /opt/node/bin/node)"');
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
  });

  it('takes every option, the throttle, the extra lines and a named node into both scripts', () => {
    const full: SlurmJob = {
      ...job,
      throttle: 8,
      time: '2:00:00',
      mem: '4G',
      partition: 'short',
      account: 'lab',
      extra: ['#SBATCH --qos=long'],
    };
    const named = { ...paths, node: '/opt/node 22/bin/node' };
    const study = arrayScript(full, named);
    const merge = mergeScript(full, named);
    expect(directives(study)).toContain('#SBATCH --array=1-40%8');
    for (const script of [study, merge]) {
      for (const line of [
        '#SBATCH --time=2:00:00',
        '#SBATCH --mem=4G',
        '#SBATCH --partition=short',
        '#SBATCH --account=lab',
        '#SBATCH --qos=long',
      ])
        expect(directives(script)).toContain(line);
      expect(script).toContain(`node='/opt/node 22/bin/node'`);
      expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    }
    // Options come before the first command: sbatch reads #SBATCH lines only up to there.
    const lines = study.split('\n');
    const firstCommand = lines.findIndex((l) => l !== '' && !l.startsWith('#'));
    expect(lines.slice(firstCommand).some((l) => l.startsWith('#SBATCH'))).toBe(false);
  });

  it('merge.sbatch: the merge on one CPU, dropped if the array fails', () => {
    const script = mergeScript(job, paths);
    expect(directives(script)).toEqual([
      '#SBATCH --job-name=mimo-drivers-merge',
      '#SBATCH --kill-on-invalid-dep=yes',
      '#SBATCH --ntasks=1',
      '#SBATCH --cpus-per-task=1',
      '#SBATCH --output=/scratch/ann/drivers/slurm/logs/merge-%j.out',
      '#SBATCH --error=/scratch/ann/drivers/slurm/logs/merge-%j.err',
    ]);
    expect(script).toContain(`bin/mimo.js' study merge /scratch/ann/drivers\n`);
  });

  it('HOWTO.txt says how to submit, watch, resubmit and merge', () => {
    const text = howto(job, paths);
    expect(text).toContain(submitCommands(paths).split('\n')[0]);
    expect(text).toContain('squeue');
    expect(text).toContain('sacct');
    expect(text).toContain('sbatch --array=3 /scratch/ann/drivers/slurm/study.sbatch');
    expect(text).toContain('study merge /scratch/ann/drivers');
    expect(submitCommands(paths)).toContain(
      '--dependency=afterok:${array%%;*} /scratch/ann/drivers/slurm/merge.sbatch',
    );
  });

  it('quotes words so that bash reads each back as it was', () => {
    const words = ['plain/path.yaml', 'with space', "it's", 'a$b`c`', 'new\nline', '*', '--x=1', ''];
    expect(bashWords(words.map(shellQuote).join(' '))).toEqual(words);
  });
});
