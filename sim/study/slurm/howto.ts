import { shellQuote } from './shell-quote.js';
import { slurmDir } from './job-scripts.js';
import type { SlurmJob, SlurmPaths } from './slurm-job.js';

/** The commands that submit the array and, after it, the merge (the array's job id passed along in `$array`). */
export function submitCommands(paths: SlurmPaths): string {
  const dir = slurmDir(paths.out);
  return [
    `array=$(sbatch --parsable ${shellQuote(`${dir}/study.sbatch`)}) && \\`,
    `  sbatch --dependency=afterok:\${array%%;*} ${shellQuote(`${dir}/merge.sbatch`)}`,
  ].join('\n');
}

/** `HOWTO.txt`: how to submit, watch, resubmit and merge, with this study's paths. */
export function howto(job: SlurmJob, paths: SlurmPaths): string {
  const dir = slurmDir(paths.out);
  const mimo = `${shellQuote(`${paths.project}/bin/mimo.js`)}`;
  const out = shellQuote(paths.out);
  return `Study ${job.name} on Slurm: ${job.tasks} tasks, task I runs shard I/${job.tasks} of the study
${paths.study}
into ${paths.out} (written by mimo study slurm).

Submit (or let mimo study slurm --submit do it): the array, then the merge, which starts once every task
has succeeded:

  ${submitCommands(paths).replace('\n', '\n  ')}

Watch:

  squeue --me --name=mimo-${job.name},mimo-${job.name}-merge    the tasks waiting and running
  sacct -X --name=mimo-${job.name}                      each task's state and exit code (if accounting is on)
  node ${mimo} study status ${out}
                                       each shard done / partial / missing, from the study's folder
  ${dir}/logs/study-<job>_<task>.out and .err: each task's output (progress goes to .err)

A task that failed, was cancelled (scancel) or ran out of its --time keeps the runs it finished. Resubmit it
alone, and it resumes its shard; mimo study status prints the exact line for every unfinished shard:

  sbatch --array=3 ${dir}/study.sbatch          (or --array=3,7-9 for several)

Check with squeue first that the shard is not still running: one shard must not run twice at once. When a task
fails, the merge job submitted with afterok is dropped; once every shard is done, merge by hand:

  node ${mimo} study merge ${out}
  (or: sbatch ${dir}/merge.sbatch)

The merge refuses (exit 2, naming the shards) while any run is missing. It writes runs.parquet, runs.csv and
sensitivity.csv in the study's folder: the same files as the whole study run on one machine.
`;
}
