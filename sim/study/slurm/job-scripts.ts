import { shellQuote } from './shell-quote.js';
import type { SlurmJob, SlurmPaths } from './slurm-job.js';

/** The scripts' folder in a study's folder. */
export function slurmDir(out: string): string {
  return `${out}/slurm`;
}

/**
 * `study.sbatch`: a job array whose task I runs shard I/N of the study with one worker per CPU. A task stopped for
 * any reason (failure, scancel, time limit) resumes its shard when resubmitted alone (`sbatch --array=I`): the
 * shard's journal holds its finished runs.
 */
export function arrayScript(job: SlurmJob, paths: SlurmPaths): string {
  const logs = `${slurmDir(paths.out)}/logs`;
  const array = `1-${job.tasks}${job.throttle === null ? '' : `%${job.throttle}`}`;
  return [
    '#!/bin/bash',
    `# Study ${job.name}, one shard per task: task I of this job array runs shard I/${job.tasks}. Written by`,
    '# `mimo study slurm` (see HOWTO.txt beside it). A task that failed, was cancelled or ran out of time resumes',
    '# its shard when resubmitted alone: sbatch --array=I this-file',
    `#SBATCH --job-name=mimo-${job.name}`,
    `#SBATCH --array=${array}`,
    ...directives(job),
    `#SBATCH --output=${logs}/study-%A_%a.out`,
    `#SBATCH --error=${logs}/study-%A_%a.err`,
    ...job.extra,
    '',
    'set -euo pipefail',
    ...nodeLines(paths),
    `exec "$node" ${shellQuote(`${paths.project}/bin/mimo.js`)} study ${shellQuote(paths.study)} --out ${shellQuote(paths.out)} \\`,
    `  --shard "$SLURM_ARRAY_TASK_ID/${job.tasks}" --workers "\${SLURM_CPUS_PER_TASK:-1}"`,
    '',
  ].join('\n');
}

/**
 * `merge.sbatch`: `mimo study merge` of the study's folder, submitted with `--dependency=afterok:<array job>` so
 * that it starts once every task has succeeded (and is dropped, not left pending, if one fails).
 */
export function mergeScript(job: SlurmJob, paths: SlurmPaths): string {
  const logs = `${slurmDir(paths.out)}/logs`;
  return [
    '#!/bin/bash',
    `# Merges study ${job.name} once every shard is done: sbatch --dependency=afterok:<array job id> this-file,`,
    `# or by hand: mimo study merge ${paths.out}. Written by \`mimo study slurm\` (see HOWTO.txt beside it).`,
    `#SBATCH --job-name=mimo-${job.name}-merge`,
    '#SBATCH --kill-on-invalid-dep=yes',
    ...directives({ ...job, cpus: 1 }),
    `#SBATCH --output=${logs}/merge-%j.out`,
    `#SBATCH --error=${logs}/merge-%j.err`,
    ...job.extra,
    '',
    'set -euo pipefail',
    ...nodeLines(paths),
    `exec "$node" ${shellQuote(`${paths.project}/bin/mimo.js`)} study merge ${shellQuote(paths.out)}`,
    '',
  ].join('\n');
}

function directives(job: SlurmJob): string[] {
  return [
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${job.cpus}`,
    ...(job.time === null ? [] : [`#SBATCH --time=${job.time}`]),
    ...(job.mem === null ? [] : [`#SBATCH --mem=${job.mem}`]),
    ...(job.partition === null ? [] : [`#SBATCH --partition=${job.partition}`]),
    ...(job.account === null ? [] : [`#SBATCH --account=${job.account}`]),
  ];
}

/** Finds Node.js on the node (or takes the one named) and checks that it is recent enough for mimo. */
function nodeLines(paths: SlurmPaths): string[] {
  const find =
    paths.node === null
      ? [`node="$(command -v node || echo ${shellQuote(paths.fallbackNode)})"`]
      : [`node=${shellQuote(paths.node)}`];
  return [
    ...find,
    `if ! "$node" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then`,
    '  echo "mimo: $node is not Node.js 20.19 or newer on $(hostname): name one with mimo study slurm --node PATH" >&2',
    '  exit 1',
    'fi',
  ];
}
