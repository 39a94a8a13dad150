import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ModelRegistry } from '../../model.js';
import { Run } from '../../run/run.js';
import type { Override } from '../../scenario/validate.js';
import { loadScenario } from '../node/load-scenario.js';
import { RunWriter, type MetricsFormat } from '../node/run-writer.js';
import { parseSetFlags, parseWholeFlag } from './overrides.js';
import { packageVersion } from './package-info.js';
import { Progress } from './progress.js';
import { printSummary } from './summary-table.js';
import { UsageError } from './usage-error.js';

export const RUN_USAGE = `mimo run <scenario> [--seed N] [--ticks T] [--out DIR] [--format csv|jsonl]
          [--set params.path=value ...] [--trace N] [--quiet]`;

/** `mimo run`: one scenario, one seed, files in DIR. */
export function runCommand(argv: string[], registry: ModelRegistry): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      ticks: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      set: { type: 'string', multiple: true, default: [] },
      trace: { type: 'string', default: '0' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError(`expected one scenario file\nusage: ${RUN_USAGE}`);
  const format = values.format as MetricsFormat;
  if (format !== 'csv' && format !== 'jsonl')
    throw new UsageError(`--format: expected csv or jsonl (got "${format}")`);
  const overrides: Override[] = parseSetFlags(values.set);
  const seed = parseWholeFlag('seed', values.seed);
  const ticks = parseWholeFlag('ticks', values.ticks);
  const trace = parseWholeFlag('trace', values.trace) ?? 0;
  if (seed !== undefined) overrides.push({ path: 'seed', value: seed });
  if (ticks !== undefined) overrides.push({ path: 'ticks', value: ticks });

  const file = positionals[0];
  const scenario = loadScenario(file, registry, overrides);
  const model = registry.get(scenario.model)!;
  const outDir = resolve(values.out ?? `runs/${scenario.name}`);

  const started = performance.now();
  const metrics = model.metrics(scenario.params);
  const writer = new RunWriter(outDir, metrics, format);
  try {
    const run = new Run(model, scenario, { frames: writer, channels: writer, trace, frameEvery: 256 });
    const progress = new Progress(
      `${scenario.name} seed ${scenario.seed}`,
      scenario.ticks,
      process.stderr,
      !values.quiet,
    );
    const chunk = Math.max(1, Math.floor(scenario.ticks / 100));
    while (!run.done) {
      run.advance(chunk);
      progress.update(run.tick);
    }
    const result = run.result();
    const summary = {
      ...result,
      wallSeconds: (performance.now() - started) / 1000,
      version: packageVersion(),
      file,
      params: scenario.params,
      timeline: scenario.timeline,
    };
    const files = writer.commit(summary);
    if (!values.quiet) printSummary(summary, metrics, files);
    return 0;
  } catch (e) {
    writer.abort();
    throw e;
  }
}
