/** What `mimo study slurm` asks Slurm for: the job array of a study's shards and the merge after it. */
export interface SlurmJob {
  /** The study's name (jobs are named `mimo-<name>` and `mimo-<name>-merge`). */
  readonly name: string;
  /** N: array tasks, task I runs shard I/N. */
  readonly tasks: number;
  /** At most this many tasks at once (`--array=1-N%K`), or null for no limit. */
  readonly throttle: number | null;
  /** CPUs per task, and the task's worker processes. */
  readonly cpus: number;
  /** `--time`, `--mem`, `--partition`, `--account` as Slurm reads them, or null for the cluster's default. */
  readonly time: string | null;
  readonly mem: string | null;
  readonly partition: string | null;
  readonly account: string | null;
  /** Whole `#SBATCH …` lines, added to both scripts. */
  readonly extra: readonly string[];
}

/** Where things are, as absolute paths on the cluster's shared file system. */
export interface SlurmPaths {
  /** The mimo-lab checkout (its `bin/mimo.js` runs). */
  readonly project: string;
  readonly study: string;
  /** The study's folder; the scripts go in `<out>/slurm/`, the tasks' logs in `<out>/slurm/logs/`. */
  readonly out: string;
  /** Node.js as named by `--node`, or null: then `node` on the task's PATH, else `fallbackNode`. */
  readonly node: string | null;
  /** The Node.js that wrote the scripts. */
  readonly fallbackNode: string;
}

/**
 * Tasks at most: Slurm's default MaxArraySize is 1001, so task ids run 0…1000, and ours (shard numbers) 1…1000.
 */
export const MAX_ARRAY_TASKS = 1000;

/** Runs per CPU a task holds at least, by default: a task's start (queue, Node, study file) is then small beside its work. */
export const RUNS_PER_CPU = 100;

/** The default N: each task's CPUs get at least RUNS_PER_CPU runs each, within 1…MAX_ARRAY_TASKS. */
export function defaultTasks(runs: number, cpus: number): number {
  return Math.max(1, Math.min(MAX_ARRAY_TASKS, Math.floor(runs / (RUNS_PER_CPU * cpus))));
}

/** The forms Slurm accepts for the text flags, with what to say when a text is not one of them. */
export const SLURM_FLAG_FORMS = {
  time: {
    pattern: /^(\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d{1,2}(:\d{1,2}){0,2})$/,
    expected: 'a time limit as Slurm writes it: MM, HH:MM:SS, D-HH or D-HH:MM:SS',
  },
  mem: { pattern: /^[1-9]\d*[KMGT]?$/, expected: 'memory per node such as 4000 (MB), 500M or 4G' },
  partition: {
    pattern: /^[\w.-]+(,[\w.-]+)*$/,
    expected: 'a partition name (or several, comma-separated): letters, digits, . _ -',
  },
  account: { pattern: /^[\w.-]+$/, expected: 'an account name: letters, digits, . _ -' },
  extra: { pattern: /^#SBATCH --?[A-Za-z][^\n\r]*$/, expected: 'one whole line "#SBATCH --option=value"' },
} as const;

/** Options the scripts set themselves (long and short names): an `--extra` line may not set them again. */
export const OWN_OPTIONS = [
  ...['array', 'cpus-per-task', 'output', 'error', 'job-name', 'partition', 'time', 'mem', 'account'],
  ...['dependency', 'a', 'c', 'o', 'e', 'J', 'p', 't', 'A', 'd'],
];

/** The option an `#SBATCH` line sets (`#SBATCH --qos=long` → `qos`). */
export function extraOption(line: string): string {
  return /^#SBATCH --?([A-Za-z][\w-]*)/.exec(line)?.[1] ?? '';
}
