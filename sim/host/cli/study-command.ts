import { resolve, join } from 'node:path';
import { availableParallelism } from 'node:os';
import type { ModelRegistry } from '../../model.js';
import { LIMITS } from '../../scenario/limits.js';
import { parseShard, totalRuns, WHOLE_STUDY } from '../../study/run-plan.js';
import { loadStudy, type ResolvedStudy } from '../node/load-study.js';
import { isStudyEntry, StudyFolder } from '../node/study-folder.js';
import { checkStudyPath } from '../node/output-path.js';
import { mergeStudy, pointsCsv, readStudyRecord, studyProvenance } from '../node/study-merge.js';
import { runShard } from '../node/study-pool.js';
import { StudyProcesses } from '../node/study-processes.js';
import { studyRecord, type StudyRecord } from '../node/study-record.js';
import { serveStudyWorker } from '../node/study-worker.js';
import { parseCommandLine, type CommandSpec } from './arguments.js';
import { parseWholeFlag } from './overrides.js';
import { packageRoot, packageVersion } from './package-info.js';
import { StudyProgress } from './study-progress.js';
import { checkShardsPerRun } from './shards-per-run.js';
import { slurmCommand } from './study-slurm-command.js';
import { statusCommand } from './study-status-command.js';
import { studySummary } from './study-summary.js';
import { UsageError } from './usage-error.js';

export const STUDY_USAGE = `mimo study <study> [--out DIR] [--workers W] [--shard I/N] [--restart] [--quiet]
  mimo study merge DIR [--quiet]
  mimo study status DIR
  mimo study slurm <study> [--out DIR] [--tasks N] [--submit] ... (see mimo study slurm --help)`;

const STUDY_HELP = `usage: ${STUDY_USAGE}

Runs every design point × policy × seed of a study file in worker processes and writes its folder (default
studies/<name>/): study.json, points.csv, runs.parquet and runs.csv, series/part-*.parquet, sensitivity.csv.
A study stopped at any moment resumes with the same command.

  --out DIR       the study's folder
  --workers W     worker processes, 1 to ${LIMITS.workers} (default: one per core)
  --shard I/N     run only the I-th of N disjoint slices of the runs (then: mimo study merge DIR)
  --restart       start the folder over (needed when it holds another study)
  --quiet         no progress and no summary

mimo study merge DIR merges the shards' runs into the tables (refused while a run is missing); mimo study
status DIR shows each shard's progress; mimo study slurm writes (and submits) a Slurm job array of shards.`;

const STUDY_SPEC: CommandSpec = {
  name: 'mimo study',
  usage: STUDY_USAGE,
  options: {
    out: { type: 'string' },
    workers: { type: 'string' },
    shard: { type: 'string' },
    restart: { type: 'boolean' },
    quiet: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, what: 'study file' },
};

const MERGE_SPEC: CommandSpec = {
  name: 'mimo study merge',
  usage: STUDY_USAGE,
  options: { quiet: { type: 'boolean' } },
  positionals: { min: 1, max: 1, what: 'study folder' },
};

/** The hidden command a study's worker processes run. */
export const STUDY_WORKER_COMMAND = '__study-worker';

/**
 * `mimo study`: runs a study file's runs (every design point × policy × seed, or one shard of them) in worker
 * processes, journalling each finished batch, then merges the folder into its tables (unsharded) or leaves that
 * to `mimo study merge DIR` (sharded). A study stopped at any moment resumes with the same command.
 */
export async function studyCommand(argv: string[], registry: ModelRegistry): Promise<number> {
  if (argv[0] === 'merge') return mergeCommand(argv.slice(1));
  if (argv[0] === 'status') return statusCommand(argv.slice(1));
  if (argv[0] === 'slurm') return slurmCommand(argv.slice(1), registry);
  const line = parseCommandLine(argv, STUDY_SPEC);
  if (line === 'help') {
    process.stdout.write(STUDY_HELP + '\n');
    return 0;
  }
  const { positionals } = line;
  const values = line.values as {
    out?: string;
    workers?: string;
    shard?: string;
    restart?: boolean;
    quiet?: boolean;
  };
  const workers =
    parseWholeFlag('workers', values.workers, 1, LIMITS.workers) ??
    Math.min(LIMITS.workers, Math.max(1, availableParallelism()));
  const shard = values.shard === undefined ? WHOLE_STUDY : parseShard(values.shard);
  if (shard === null) throw new UsageError(`--shard: expected I/N with 1 ≤ I ≤ N (got "${values.shard}")`);

  // The workers load the engine while this process reads and checks the study.
  const processes = new StudyProcesses(workers, join(packageRoot(), 'bin/mimo.js'), [STUDY_WORKER_COMMAND]);
  let study: ResolvedStudy, dir: string, record: StudyRecord, folder: StudyFolder;
  try {
    study = loadStudy(positionals[0], registry);
    checkShardsPerRun('--shard', 'shard', shard.count, totalRuns(study.plan), values.shard ?? '');
    dir = checkStudyPath(values.out ?? join('studies', study.name), '--out', isStudyEntry);
    record = studyRecord(study, packageVersion(), ['mimo', 'study', ...argv].join(' '));
    folder = new StudyFolder(dir);
    folder.prepare(record, pointsCsv(record), values.restart === true);
  } catch (e) {
    processes.kill();
    throw e;
  }

  const sharded = shard.count > 1;
  const progress = new StudyProgress(
    sharded ? `${study.name} shard ${shard.index}/${shard.count}` : study.name,
    process.stderr,
    !values.quiet,
  );
  const { ran, skipped, parentRss, workerRss } = await runShard(study, folder, {
    shard,
    processes,
    provenance: studyProvenance(record),
    onProgress: (done, todo) => progress.update(done, todo),
  });
  if (!values.quiet) {
    if (skipped > 0) process.stderr.write(`${study.name}: ${skipped} runs already finished, skipped\n`);
    const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
    process.stderr.write(
      `${study.name}: peak memory ${mb(parentRss)} (main process), ${mb(workerRss)} (largest worker)\n`,
    );
  }
  if (sharded) {
    if (!values.quiet) {
      process.stdout.write(
        `shard ${shard.index}/${shard.count} of ${study.name}: ${ran + skipped} runs done in ${dir}\nwhen every shard is done: mimo study merge ${dir}\n`,
      );
    }
    return 0;
  }
  const merged = mergeStudy(dir, record);
  if (!values.quiet) process.stdout.write(studySummary(record, merged));
  return 0;
}

/** `mimo study merge DIR`: checks that every run is there exactly once and writes the tables and the analysis. */
function mergeCommand(argv: string[]): number {
  const line = parseCommandLine(argv, MERGE_SPEC);
  if (line === 'help') {
    process.stdout.write(STUDY_HELP + '\n');
    return 0;
  }
  const { positionals } = line;
  const values = line.values as { quiet?: boolean };
  const dir = resolve(positionals[0]);
  const record = readStudyRecord(dir);
  const merged = mergeStudy(dir, record);
  if (!values.quiet) process.stdout.write(studySummary(record, merged));
  return 0;
}

/** The worker process's side (hidden command). */
export function studyWorkerCommand(registry: ModelRegistry): Promise<number> {
  return serveStudyWorker(registry);
}
