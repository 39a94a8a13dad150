import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { comparePolicies } from '../../ensemble/comparison.js';
import type { ModelRegistry } from '../../model.js';
import type { RunResult } from '../../run/run.js';
import type { Override } from '../../scenario/validate.js';
import { loadScenario } from '../node/load-scenario.js';
import { writeComparison } from '../node/comparison-writer.js';
import { runInWorkers } from '../worker/node-pool.js';
import { parseSetFlags, parseWholeFlag } from './overrides.js';
import { packageRoot } from './package-info.js';
import { printComparison } from './comparison-table.js';
import { UsageError } from './usage-error.js';

export const COMPARE_USAGE = `mimo compare <scenario...> [--seeds K] [--first-seed S] [--ticks T] [--workers W]
          [--set params.path=value ...] [--out DIR] [--quiet]`;

/**
 * `mimo compare`: each scenario (a policy) on the same seeds S … S+K−1, in parallel worker threads (the worker API
 * the lab uses); writes every run's summary and the comparison, and prints the comparison. One scenario is an
 * ensemble. The results do not depend on the number of workers.
 */
export async function compareCommand(argv: string[], registry: ModelRegistry): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seeds: { type: 'string', default: '10' },
      'first-seed': { type: 'string', default: '1' },
      ticks: { type: 'string' },
      workers: { type: 'string' },
      set: { type: 'string', multiple: true, default: [] },
      out: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0)
    throw new UsageError(`expected at least one scenario file\nusage: ${COMPARE_USAGE}`);
  const seeds = parseWholeFlag('seeds', values.seeds)!;
  const firstSeed = parseWholeFlag('first-seed', values['first-seed'])!;
  const ticks = parseWholeFlag('ticks', values.ticks);
  const workers = parseWholeFlag('workers', values.workers) ?? Math.max(1, availableParallelism());
  if (seeds < 1 || workers < 1) throw new UsageError('--seeds and --workers: at least 1');
  const common: Override[] = parseSetFlags(values.set);
  if (ticks !== undefined) common.push({ path: 'ticks', value: ticks });

  // Everything is validated here, before any worker starts: bad input gets exit 2 and nothing is written.
  const policies = positionals.map((file) => {
    const scenario = loadScenario(file, registry, common);
    return { file, name: scenario.name, text: readFileSync(file, 'utf8') };
  });
  const names = uniqueNames(policies.map((p) => p.name));
  const requests = policies.flatMap((p) =>
    Array.from({ length: seeds }, (_, s) => ({
      text: p.text,
      source: p.file,
      overrides: [...common, { path: 'seed', value: firstSeed + s }],
    })),
  );
  const root = packageRoot();
  const started = performance.now();
  const all = await runInWorkers(
    pathToFileURL(join(root, 'dist/models/index.js')),
    requests,
    workers,
    pathToFileURL(join(root, 'dist/sim/host/worker/node-entry.js')),
    (done) => {
      if (!values.quiet) process.stderr.write(`compare: ${done}/${requests.length} runs\n`);
    },
  );
  const results: RunResult[][] = policies.map((_, p) => all.slice(p * seeds, (p + 1) * seeds));
  const rows = comparePolicies(names, results);
  const outDir = resolve(values.out ?? join('runs', `compare-${names.join('-vs-')}`));
  const files = writeComparison(outDir, names, results, rows, {
    seeds: Array.from({ length: seeds }, (_, s) => firstSeed + s),
    scenarios: policies.map((p) => basename(p.file)),
    wallSeconds: (performance.now() - started) / 1000,
    workers,
  });
  if (!values.quiet) printComparison(names, rows, seeds, files);
  return 0;
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
