import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { comparePolicies } from '../../ensemble/comparison.js';
import type { ModelRegistry } from '../../model.js';
import type { Override } from '../../scenario/validate.js';
import { LIMITS } from '../../scenario/limits.js';
import { totalRuns, WHOLE_STUDY } from '../../study/run-plan.js';
import { writeComparison } from '../node/comparison-writer.js';
import { readScenarioFile } from '../node/load-scenario.js';
import { policyStudy, studyPolicy, uniqueNames, type ResolvedStudy } from '../node/load-study.js';
import { StagedFolder } from '../node/staged-folder.js';
import { StudyFolder, type RunRow } from '../node/study-folder.js';
import { pointsCsv, studyProvenance } from '../node/study-merge.js';
import { runShard } from '../node/study-pool.js';
import { StudyProcesses } from '../node/study-processes.js';
import { studyRecord } from '../node/study-record.js';
import { parseCommandLine, type CommandSpec } from './arguments.js';
import { printComparison } from './comparison-table.js';
import { blamingFlags } from './blame-flags.js';
import { parseSetFlags, parseWholeFlag } from './overrides.js';
import { packageRoot, packageVersion } from './package-info.js';
import { STUDY_WORKER_COMMAND } from './study-command.js';
import { UsageError } from './usage-error.js';

export const COMPARE_USAGE = `mimo compare <scenario...> [--seeds K] [--first-seed S] [--ticks T] [--workers W]
          [--set params.path=value ...] [--out DIR] [--quiet]`;

const COMPARE_HELP = `usage: ${COMPARE_USAGE}

Runs each scenario (a policy) on the same seeds S ... S+K-1 in worker processes and writes runs.csv,
comparison.csv and comparison.json (default folder runs/compare-<a>-vs-<b>.../seeds-<S>-<S+K-1>/).

  --seeds K       seeds per scenario (default 10); scenarios x seeds at most ${LIMITS.runsPerCommand}
  --first-seed S  the first seed (default 1); the last, S+K-1, at most ${LIMITS.maxSeed}
  --ticks T       ticks of every run, 1 to ${LIMITS.ticks} (default: each file's)
  --workers W     worker processes, 1 to ${LIMITS.workers} (default: one per core, at most one per run)
  --set P=V       override a param of every scenario (repeatable)
  --out DIR       output folder, replaced whole when every run has succeeded
  --quiet         no progress and no table`;

const COMPARE_SPEC: CommandSpec = {
  name: 'mimo compare',
  usage: COMPARE_USAGE,
  options: {
    seeds: { type: 'string' },
    'first-seed': { type: 'string' },
    ticks: { type: 'string' },
    workers: { type: 'string' },
    set: { type: 'string', multiple: true },
    out: { type: 'string' },
    quiet: { type: 'boolean' },
  },
  positionals: { min: 1, max: Infinity, what: 'scenario file' },
};

/** A checked `mimo compare` command line: the comparison as a study, the workers and where the folder goes. */
export interface ComparePlan {
  /** The scenarios as the study's policies, no factors, seeds S … S+K−1, the --set and --ticks overrides. */
  readonly study: ResolvedStudy;
  /** Worker processes asked for (at most one per run is started). */
  readonly workers: number;
  readonly quiet: boolean;
  readonly out: string;
  readonly outLabel: string;
}

/** Reads and checks a `mimo compare` command line and every scenario, writing nothing; 'help' for --help. */
export function planCompare(argv: readonly string[], registry: ModelRegistry): ComparePlan | 'help' {
  const line = parseCommandLine(argv, COMPARE_SPEC);
  if (line === 'help') return 'help';
  const values = line.values as Record<string, string | undefined> & { set?: string[]; quiet?: boolean };
  const files = line.positionals;
  const seeds = parseWholeFlag('seeds', values.seeds ?? '10', 1, LIMITS.runsPerCommand)!;
  const firstSeed = parseWholeFlag('first-seed', values['first-seed'] ?? '1', 0, LIMITS.maxSeed)!;
  const lastSeed = firstSeed + seeds - 1;
  if (lastSeed > LIMITS.maxSeed)
    throw new UsageError(
      `--first-seed ${firstSeed} --seeds ${seeds}: the last seed, ${lastSeed}, is past ${LIMITS.maxSeed}`,
    );
  if (files.length * seeds > LIMITS.runsPerCommand)
    throw new UsageError(
      `${files.length} scenarios × ${seeds} seeds = ${files.length * seeds} runs: at most ${LIMITS.runsPerCommand} in one command`,
    );
  const ticks = parseWholeFlag('ticks', values.ticks, 1, LIMITS.ticks);
  const workers =
    parseWholeFlag('workers', values.workers, 1, LIMITS.workers) ??
    Math.min(LIMITS.workers, Math.max(1, availableParallelism()));
  const common: Override[] = parseSetFlags(values.set ?? []);
  if (ticks !== undefined) common.push({ path: 'ticks', value: ticks });
  const names = uniqueNames();
  const policies = files.map((file) =>
    blamingFlags(common, () => studyPolicy(file, file, readScenarioFile(file), common, registry, names)),
  );
  const folder = defaultFolderName(policies.map((p) => p.name));
  const seedList = Array.from({ length: seeds }, (_, s) => firstSeed + s);
  return {
    study: policyStudy(folder, policies, seedList, common),
    workers,
    quiet: values.quiet === true,
    out: values.out ?? join('runs', folder, `seeds-${firstSeed}-${lastSeed}`),
    outLabel: values.out === undefined ? 'output folder' : '--out',
  };
}

/**
 * `mimo compare`: each scenario (a policy) on the same seeds S … S+K−1, run as a study of policies and no factors
 * (the same runner and worker processes as `mimo study`); writes every run's summary and the comparison, and
 * prints the comparison. One scenario is an ensemble. The results do not depend on the number of workers.
 * Everything, the output folder included, is checked before the first run starts. The study's working folder
 * (journal, study.json) lives in the output's staging folder and is removed before the output is published:
 * the output is the comparison's three files, whole or not at all, as before.
 */
export async function compareCommand(argv: string[], registry: ModelRegistry): Promise<number> {
  const plan = planCompare(argv, registry);
  if (plan === 'help') {
    process.stdout.write(COMPARE_HELP + '\n');
    return 0;
  }
  const { study, quiet } = plan;
  const folder = StagedFolder.open(plan.out, plan.outLabel);
  try {
    const work = new StudyFolder(folder.scratchPath('study'));
    const record = studyRecord(study, packageVersion(), ['mimo', 'compare', ...argv].join(' '));
    work.prepare(record, pointsCsv(record), false);
    const runs = totalRuns(study.plan);
    const workers = Math.min(plan.workers, runs);
    if (!quiet) process.stderr.write(`compare: ${runs} runs on ${workers} workers\n`);
    const started = performance.now();
    await runShard(study, work, {
      shard: WHOLE_STUDY,
      processes: new StudyProcesses(workers, join(packageRoot(), 'bin/mimo.js'), [STUDY_WORKER_COMMAND]),
      provenance: studyProvenance(record),
      series: false,
      onProgress: (done) => {
        if (!quiet && done > 0) process.stderr.write(`compare: ${done}/${runs} runs\n`);
      },
    });
    const rows: RunRow[] = new Array(runs);
    for (const entry of work.entries()) for (const r of entry.runs) rows[r.k] = r;
    rmSync(work.dir, { recursive: true, force: true });

    const S = study.seeds.length;
    const names = study.policies.map((p) => p.name);
    const finals = study.policies.map((p, i) => ({
      records: study.metrics.map((m) => p.metrics.includes(m)),
      finals: rows.slice(i * S, (i + 1) * S).map((r) => r.final),
    }));
    const table = comparePolicies(names, study.metrics, finals);
    const written = writeComparison(folder, names, study.metrics, rows, table, {
      seeds: study.seeds,
      scenarios: study.policies.map((p) => basename(p.file)),
      wallSeconds: (performance.now() - started) / 1000,
      workers,
    });
    if (!quiet) printComparison(names, table, S, written);
    return 0;
  } catch (e) {
    folder.abort();
    throw e;
  }
}

/** `compare-a-vs-b`, or `compare-a-and-3-more` where the names would make too long a folder name. */
function defaultFolderName(names: readonly string[]): string {
  const all = `compare-${names.join('-vs-')}`;
  return all.length <= 120 ? all : `compare-${names[0]}-and-${names.length - 1}-more`;
}
