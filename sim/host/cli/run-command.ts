import { join } from 'node:path';
import type { ModelRegistry } from '../../model.js';
import { Run } from '../../run/run.js';
import { EVERY_TICK, parseRecording, recordingFlag, type Recording } from '../../run/recording.js';
import { LIMITS } from '../../scenario/limits.js';
import type { Scenario } from '../../scenario/scenario.js';
import type { Override } from '../../scenario/validate.js';
import { loadScenario } from '../node/load-scenario.js';
import { RunWriter, type MetricsFormat } from '../node/run-writer.js';
import { StagedFolder } from '../node/staged-folder.js';
import { parseCommandLine, type CommandSpec } from './arguments.js';
import { blamingFlags } from './blame-flags.js';
import { parseSetFlags, parseWholeFlag } from './overrides.js';
import { packageVersion } from './package-info.js';
import { Progress } from './progress.js';
import { printSummary } from './summary-table.js';
import { UsageError } from './usage-error.js';

export const RUN_USAGE = `mimo run <scenario> [--seed N] [--ticks T] [--out DIR] [--format csv|jsonl]
          [--set params.path=value ...] [--record every:K|final] [--trace N] [--quiet]`;

const RUN_HELP = `usage: ${RUN_USAGE}

Runs one scenario on one seed and writes its folder (default runs/<scenario name>/seed-<N>/):
metrics.csv or metrics.jsonl, summary.json, and <channel>.jsonl where the model emits records.

  --seed N        seed, 0 to ${LIMITS.maxSeed} (default: the file's, else 1)
  --ticks T       ticks to run, 1 to ${LIMITS.ticks} (default: the file's, else 100)
  --out DIR       output folder, replaced whole when the run succeeds
  --format F      csv (default) or jsonl
  --set P=V       override a param, e.g. --set params.agents=500 (repeatable; V is read as YAML)
  --record R      every:K (ticks K, 2K, … and the last) or final (the last only); default every tick.
                  Unrecorded ticks are not observed: a cheaper run, and the fingerprint of the recorded ticks
  --trace N       trace the first N negotiations or trades in detail (at most ${LIMITS.trace})
  --quiet         no progress and no summary`;

const RUN_SPEC: CommandSpec = {
  name: 'mimo run',
  usage: RUN_USAGE,
  options: {
    seed: { type: 'string' },
    ticks: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    set: { type: 'string', multiple: true },
    trace: { type: 'string' },
    record: { type: 'string' },
    quiet: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, what: 'scenario file' },
};

/** A checked `mimo run` command line: what to run and where its folder goes. */
export interface RunPlan {
  readonly file: string;
  readonly scenario: Scenario;
  readonly format: MetricsFormat;
  readonly trace: number;
  readonly record: Recording;
  readonly quiet: boolean;
  /** The output folder as given (`--out`) or by default, and how to name it in messages. */
  readonly out: string;
  readonly outLabel: string;
}

/** Reads and checks a `mimo run` command line and its scenario, writing nothing; 'help' for --help. */
export function planRun(argv: readonly string[], registry: ModelRegistry): RunPlan | 'help' {
  const line = parseCommandLine(argv, RUN_SPEC);
  if (line === 'help') return 'help';
  const values = line.values as Record<string, string | undefined> & { set?: string[]; quiet?: boolean };
  const format = (values.format ?? 'csv') as MetricsFormat;
  if (format !== 'csv' && format !== 'jsonl')
    throw new UsageError(`--format: expected csv or jsonl (got "${format}")`);
  const overrides: Override[] = parseSetFlags(values.set ?? []);
  const seed = parseWholeFlag('seed', values.seed, 0, LIMITS.maxSeed);
  const ticks = parseWholeFlag('ticks', values.ticks, 1, LIMITS.ticks);
  const trace = parseWholeFlag('trace', values.trace, 0, LIMITS.trace) ?? 0;
  const record = values.record === undefined ? EVERY_TICK : parseRecording(values.record);
  if (record === null)
    throw new UsageError(`--record: expected every:K (K ≥ 1) or final (got "${values.record}")`);
  if (seed !== undefined) overrides.push({ path: 'seed', value: seed });
  if (ticks !== undefined) overrides.push({ path: 'ticks', value: ticks });
  const file = line.positionals[0];
  const scenario = blamingFlags(overrides, () => loadScenario(file, registry, overrides));
  return {
    file,
    scenario,
    format,
    trace,
    record,
    quiet: values.quiet === true,
    out: values.out ?? join('runs', scenario.name, `seed-${scenario.seed}`),
    outLabel: values.out === undefined ? 'output folder' : '--out',
  };
}

/** `mimo run`: one scenario, one seed, files in DIR. Everything is checked before the run starts. */
export async function runCommand(argv: string[], registry: ModelRegistry): Promise<number> {
  const plan = planRun(argv, registry);
  if (plan === 'help') {
    process.stdout.write(RUN_HELP + '\n');
    return 0;
  }
  const { file, scenario, format, trace, quiet } = plan;
  const model = registry.get(scenario.model)!;
  const folder = StagedFolder.open(plan.out, plan.outLabel);

  const started = performance.now();
  const metrics = model.metrics(scenario.params);
  let writer: RunWriter | null = null;
  try {
    writer = new RunWriter(folder, metrics, format);
    const run = new Run(model, scenario, {
      frames: writer,
      channels: writer,
      trace,
      frameEvery: 256,
      record: plan.record,
    });
    const progress = new Progress(
      `${scenario.name} seed ${scenario.seed}`,
      scenario.ticks,
      process.stderr,
      !quiet,
    );
    const chunk = Math.max(1, Math.floor(scenario.ticks / 100));
    while (!run.done) {
      run.advance(chunk);
      progress.update(run.tick);
      // Let SIGINT and SIGTERM through: their handler removes the staging folder.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = run.result();
    const summary = {
      ...result,
      wallSeconds: (performance.now() - started) / 1000,
      version: packageVersion(),
      record: recordingFlag(plan.record),
      file,
      params: scenario.params,
      timeline: scenario.timeline,
    };
    const files = writer.commit(summary);
    if (!quiet) printSummary(summary, metrics, files);
    if (writer.warnings > 0)
      process.stderr.write(
        `mimo: the model wrote ${writer.warnings} ${writer.warnings === 1 ? 'warning' : 'warnings'} to warnings.jsonl; the first: ${writer.firstWarning}\n`,
      );
    return 0;
  } catch (e) {
    if (writer) writer.abort();
    else folder.abort();
    throw e;
  }
}
