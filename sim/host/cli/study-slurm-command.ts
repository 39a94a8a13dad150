import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { ModelRegistry } from '../../model.js';
import { LIMITS } from '../../scenario/limits.js';
import { totalRuns } from '../../study/run-plan.js';
import { howto, submitCommands } from '../../study/slurm/howto.js';
import { arrayScript, mergeScript, slurmDir } from '../../study/slurm/job-scripts.js';
import {
  defaultTasks,
  extraOption,
  MAX_ARRAY_TASKS,
  OWN_OPTIONS,
  RUNS_PER_CPU,
  SLURM_FLAG_FORMS,
  type SlurmJob,
  type SlurmPaths,
} from '../../study/slurm/slurm-job.js';
import { writeDurably } from '../node/durable-file.js';
import { loadStudy } from '../node/load-study.js';
import { isStudyEntry, StudyFolder } from '../node/study-folder.js';
import { checkStudyPath } from '../node/output-path.js';
import { pointsCsv, readStudyRecord } from '../node/study-merge.js';
import { studyRecord } from '../node/study-record.js';
import { parseCommandLine, type CommandSpec } from './arguments.js';
import { parseWholeFlag } from './overrides.js';
import { packageRoot, packageVersion } from './package-info.js';
import { checkShardsPerRun } from './shards-per-run.js';
import { UsageError } from './usage-error.js';

export const SLURM_USAGE = `mimo study slurm <study> [--out DIR] [--tasks N] [--throttle K] [--cpus C] [--time T]
         [--mem M] [--partition P] [--account A] [--extra '#SBATCH ...' ...] [--node PATH] [--submit] [--restart]`;

const SLURM_HELP = `usage: ${SLURM_USAGE}

Writes DIR/slurm/ to run a study on a Slurm cluster: study.sbatch, a job array whose task I runs shard I/N
of the study (mimo study <study> --out DIR --shard I/N, one worker per CPU of the task); merge.sbatch, which
merges the shards into the study's tables once every task has succeeded; HOWTO.txt, how to submit, watch,
resubmit and merge. Checks the study file and the flags first (exit 2, nothing written). DIR must be on a file
system every node sees, and so must this checkout of mimo-lab (the tasks run its bin/mimo.js).

  --out DIR        the study's folder (default studies/<name>/); its path must be free of spaces, quotes and %
  --tasks N        tasks of the job array, 1 to ${MAX_ARRAY_TASKS} and at most one per run (default: enough that
                   each CPU gets at least ${RUNS_PER_CPU} runs: a task's start is then small beside its work). Slurm's
                   default MaxArraySize is 1001 (task ids 0-1000; ours are 1-N); see
                   scontrol show config | grep MaxArraySize
  --throttle K     at most K tasks running at once (--array=1-N%K); default: as many as Slurm gives
  --cpus C         CPUs per task (--cpus-per-task), 1 to ${LIMITS.workers}: the task's worker processes (default 1)
  --time T         each task's time limit (--time): MM, HH:MM:SS or D-HH:MM:SS (default: the partition's);
                   a task that runs out of time resumes its shard when resubmitted
  --mem M          memory of each task (--mem): 4000 (MB), 500M, 4G (default: the partition's)
  --partition P    the partition (--partition; default: the cluster's default)
  --account A      the account charged (--account; default: yours)
  --extra LINE     one more whole line for both scripts, e.g. --extra '#SBATCH --qos=long'; may be repeated
  --node PATH      the Node.js (20.19 or newer) the tasks run, as an absolute path on the nodes (default: node on
                   the task's PATH, else ${process.execPath})
  --submit         submit too: sbatch the array, then the merge with --dependency=afterok:<array job>, and
                   print both job ids (default: print the commands)
  --restart        start the study's folder over (needed when it holds another study or another sharding)

Then: mimo study status DIR lists each shard done / partial / missing and prints the sbatch line that
resubmits the unfinished ones; mimo study merge DIR refuses while any run is missing.`;

const SLURM_SPEC: CommandSpec = {
  name: 'mimo study slurm',
  usage: SLURM_USAGE,
  options: {
    out: { type: 'string' },
    tasks: { type: 'string' },
    throttle: { type: 'string' },
    cpus: { type: 'string' },
    time: { type: 'string' },
    mem: { type: 'string' },
    partition: { type: 'string' },
    account: { type: 'string' },
    extra: { type: 'string', multiple: true },
    node: { type: 'string' },
    submit: { type: 'boolean' },
    restart: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, what: 'study file' },
};

/** Characters an `#SBATCH --output=` path cannot hold (sbatch splits at spaces; % starts a pattern). */
const UNSAFE_IN_DIRECTIVES = /[\s%'"\\]/;

/**
 * `mimo study slurm`: checks the study and the flags, prepares the study's folder (study.json, points.csv, an
 * empty journal per shard), writes the scripts and, with --submit, submits them.
 */
export function slurmCommand(argv: string[], registry: ModelRegistry): number {
  const line = parseCommandLine(argv, SLURM_SPEC);
  if (line === 'help') {
    process.stdout.write(SLURM_HELP + '\n');
    return 0;
  }
  const { values, cpus, node, extra, options } = readFlags(line.values as SlurmFlags);

  const study = loadStudy(line.positionals[0], registry);
  const runs = totalRuns(study.plan);
  const tasks = parseWholeFlag('tasks', values.tasks, 1, MAX_ARRAY_TASKS) ?? defaultTasks(runs, cpus);
  checkShardsPerRun('--tasks', 'task', tasks, runs, String(tasks));
  const throttle = parseWholeFlag('throttle', values.throttle, 1, tasks) ?? null;
  const out = checkStudyPath(values.out ?? join('studies', study.name), '--out', isStudyEntry);
  if (UNSAFE_IN_DIRECTIVES.test(out))
    throw new UsageError(
      `--out: the folder's path goes into #SBATCH lines: no spaces, quotes, \\ or % (got "${out}")`,
    );

  const record = studyRecord(study, packageVersion(), ['mimo', 'study', 'slurm', ...argv].join(' '));
  const folder = new StudyFolder(out);
  const restart = values.restart === true;
  if (!restart && existsSync(folder.path('study.json')) && readStudyRecord(out).hash === record.hash) {
    const other = folder.shardCounts().filter((n) => n !== tasks);
    if (other.length) {
      throw new UsageError(
        `--tasks: ${out} holds the journals of this study in ${other.join(', ')} shards: give --tasks ${other[0]} to go on with them, or --restart to start over (got ${tasks})`,
      );
    }
  }

  const job: SlurmJob = { name: study.name, tasks, throttle, cpus, ...options, extra };
  const paths: SlurmPaths = {
    project: packageRoot(),
    study: resolve(study.file),
    out,
    node,
    fallbackNode: process.execPath,
  };
  folder.prepare(record, pointsCsv(record), restart);
  folder.createJournals(tasks);
  const dir = slurmDir(out);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  writeDurably(join(dir, 'study.sbatch'), arrayScript(job, paths));
  writeDurably(join(dir, 'merge.sbatch'), mergeScript(job, paths));
  writeDurably(join(dir, 'HOWTO.txt'), howto(job, paths));
  const each = Math.floor(runs / tasks);
  const share = runs % tasks === 0 ? `${each}` : `${each}-${each + 1}`;
  process.stdout.write(
    `study ${study.name}: ${runs} runs in ${tasks} tasks of ${share} runs; wrote ${dir}/study.sbatch, merge.sbatch, HOWTO.txt\n`,
  );
  if (values.submit !== true) {
    process.stdout.write(`submit with:\n${submitCommands(paths)}\n`);
    return 0;
  }
  const array = sbatch(['--parsable', join(dir, 'study.sbatch')], dir);
  const merge = sbatch(
    ['--parsable', `--dependency=afterok:${array}`, join(dir, 'merge.sbatch')],
    `${dir}; the job array ${array} is submitted`,
  );
  process.stdout.write(
    `submitted: job array ${array} (${tasks} tasks), merge job ${merge} (starts when every task has succeeded)\nwatch: squeue -j ${array},${merge}; mimo study status ${out}\n`,
  );
  return 0;
}

interface SlurmFlags {
  out?: string;
  tasks?: string;
  throttle?: string;
  cpus?: string;
  time?: string;
  mem?: string;
  partition?: string;
  account?: string;
  extra?: string[];
  node?: string;
  submit?: boolean;
  restart?: boolean;
}

/** The flags that do not depend on the study, checked (exit 2 on the first bad one). */
function readFlags(values: SlurmFlags) {
  const cpus = parseWholeFlag('cpus', values.cpus, 1, LIMITS.workers) ?? 1;
  const text = (name: 'time' | 'mem' | 'partition' | 'account'): string | null => {
    const value = values[name];
    if (value === undefined) return null;
    const form = SLURM_FLAG_FORMS[name];
    if (!form.pattern.test(value))
      throw new UsageError(`--${name}: expected ${form.expected} (got "${value}")`);
    return value;
  };
  const extra = (values.extra ?? []).map((lineText) => {
    if (!SLURM_FLAG_FORMS.extra.pattern.test(lineText))
      throw new UsageError(`--extra: expected ${SLURM_FLAG_FORMS.extra.expected} (got "${lineText}")`);
    const option = extraOption(lineText);
    if (OWN_OPTIONS.includes(option))
      throw new UsageError(`--extra: --${option} is set by mimo study slurm itself (got "${lineText}")`);
    return lineText;
  });
  const node = values.node ?? null;
  if (node !== null && (!isAbsolute(node) || /[\n\r]/.test(node)))
    throw new UsageError(`--node: expected the absolute path of Node.js on the nodes (got "${node}")`);
  const options = {
    time: text('time'),
    mem: text('mem'),
    partition: text('partition'),
    account: text('account'),
  };
  return { values, cpus, node, extra, options };
}

/** Runs sbatch; returns the job id it prints (`--parsable`: `id` or `id;cluster`). */
function sbatch(args: string[], where: string): string {
  const r = spawnSync('sbatch', args, { encoding: 'utf8' });
  const written = `(the scripts are written in ${where}; see HOWTO.txt)`;
  if (r.error) {
    throw new UsageError(
      `--submit: cannot run sbatch (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}): is this a Slurm login node? ${written}`,
    );
  }
  const id = r.stdout.trim().split(';')[0];
  if (r.status !== 0 || !/^\d+$/.test(id)) {
    const said = (r.stderr || r.stdout).trim().replace(/\s*\n\s*/g, '; ');
    throw new UsageError(`--submit: sbatch ${args.join(' ')} failed: ${said} ${written}`);
  }
  return id;
}
