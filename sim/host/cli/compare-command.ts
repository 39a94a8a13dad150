import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { comparePolicies } from '../../ensemble/comparison.js';
import type { ModelRegistry } from '../../model.js';
import type { RunResult } from '../../run/run.js';
import { parseScenarioText, validateScenario, type Override } from '../../scenario/validate.js';
import { LIMITS } from '../../scenario/limits.js';
import { readScenarioFile } from '../node/load-scenario.js';
import { writeComparison } from '../node/comparison-writer.js';
import { StagedFolder } from '../node/staged-folder.js';
import { runInWorkers } from '../worker/node-pool.js';
import { parseCommandLine, type CommandSpec } from './arguments.js';
import { parseSetFlags, parseWholeFlag } from './overrides.js';
import { packageRoot } from './package-info.js';
import { printComparison } from './comparison-table.js';
import { UsageError } from './usage-error.js';

export const COMPARE_USAGE = `mimo compare <scenario...> [--seeds K] [--first-seed S] [--ticks T] [--workers W]
          [--set params.path=value ...] [--out DIR] [--quiet]`;

const COMPARE_HELP = `usage: ${COMPARE_USAGE}

Runs each scenario (a policy) on the same seeds S ... S+K-1 in worker threads and writes runs.csv,
comparison.csv and comparison.json (default folder runs/compare-<a>-vs-<b>.../seeds-<S>-<S+K-1>/).

  --seeds K       seeds per scenario (default 10); scenarios x seeds at most ${LIMITS.runsPerCommand}
  --first-seed S  the first seed (default 1); the last, S+K-1, at most ${LIMITS.maxSeed}
  --ticks T       ticks of every run, 1 to ${LIMITS.ticks} (default: each file's)
  --workers W     worker threads, 1 to ${LIMITS.workers} (default: one per core, at most one per run)
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

/** One scenario of a comparison: its file, its text (read once) and its name. */
interface Policy {
  readonly file: string;
  readonly text: string;
  readonly name: string;
}

/** A checked `mimo compare` command line: the scenarios, the seeds, the workers and where the folder goes. */
export interface ComparePlan {
  readonly policies: readonly Policy[];
  readonly seeds: number;
  readonly firstSeed: number;
  /** Worker threads asked for (at most one per run is started). */
  readonly workers: number;
  readonly common: readonly Override[];
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
  const policies = files.map((file) => {
    const text = readScenarioFile(file);
    const scenario = validateScenario(parseScenarioText(text, file), registry, file, common);
    return { file, name: scenario.name, text };
  });
  return {
    policies,
    seeds,
    firstSeed,
    workers,
    common,
    quiet: values.quiet === true,
    out:
      values.out ??
      join('runs', defaultFolderName(policies.map((p) => p.name)), `seeds-${firstSeed}-${lastSeed}`),
    outLabel: values.out === undefined ? 'output folder' : '--out',
  };
}

/**
 * `mimo compare`: each scenario (a policy) on the same seeds S … S+K−1, in parallel worker threads (the worker API
 * the lab uses); writes every run's summary and the comparison, and prints the comparison. One scenario is an
 * ensemble. The results do not depend on the number of workers. Everything, the output folder included, is
 * checked before the first run starts.
 */
export async function compareCommand(argv: string[], registry: ModelRegistry): Promise<number> {
  const plan = planCompare(argv, registry);
  if (plan === 'help') {
    process.stdout.write(COMPARE_HELP + '\n');
    return 0;
  }
  const { policies, seeds, firstSeed, common } = plan;
  const names = uniqueNames(policies.map((p) => p.name));
  const folder = StagedFolder.open(plan.out, plan.outLabel);
  try {
    const requests = policies.flatMap((p) =>
      Array.from({ length: seeds }, (_, s) => ({
        text: p.text,
        source: p.file,
        overrides: [...common, { path: 'seed', value: firstSeed + s }],
      })),
    );
    const workers = Math.min(plan.workers, requests.length);
    if (!plan.quiet) process.stderr.write(`compare: ${requests.length} runs on ${workers} workers\n`);
    const root = packageRoot();
    const started = performance.now();
    const all = await runInWorkers(
      pathToFileURL(join(root, 'dist/models/index.js')),
      requests,
      workers,
      pathToFileURL(join(root, 'dist/sim/host/worker/node-entry.js')),
      (done) => {
        if (!plan.quiet) process.stderr.write(`compare: ${done}/${requests.length} runs\n`);
      },
    );
    const results: RunResult[][] = policies.map((_, p) => all.slice(p * seeds, (p + 1) * seeds));
    const rows = comparePolicies(names, results);
    const written = writeComparison(folder, names, results, rows, {
      seeds: Array.from({ length: seeds }, (_, s) => firstSeed + s),
      scenarios: policies.map((p) => basename(p.file)),
      wallSeconds: (performance.now() - started) / 1000,
      workers,
    });
    if (!plan.quiet) printComparison(names, rows, seeds, written);
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

/** Scenario names made unique (a scenario compared with itself under other flags gets #2, #3…). */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}#${k}`;
  });
}
