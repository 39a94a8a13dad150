import { join } from 'node:path';
import type { ModelRegistry } from '../../model.js';
import type { Recording } from '../../run/recording.js';
import { Run } from '../../run/run.js';
import { InputError } from '../../scenario/problems.js';
import { parseScenarioText, validateScenario, type Override } from '../../scenario/validate.js';
import { writeDurably } from './durable-file.js';
import { parquetBytes, type ParquetColumn } from './parquet-table.js';
import { SERIES, type JournalEntry, type RunRow } from './study-folder.js';

/** What a study worker is told once: the study's scenarios and settings, and where to write its parts. */
export interface WorkerSetup {
  readonly type: 'setup';
  readonly dir: string;
  /** `1of1`, `2of4`: the shard, in part names. */
  readonly shard: string;
  readonly policies: readonly { readonly text: string; readonly path: string; readonly name: string }[];
  /** Write a `policy` column (the study has several policies). */
  readonly policyColumn: boolean;
  readonly fixed: readonly Override[];
  readonly record: Recording;
  readonly metrics: readonly string[];
  /** Write series parts (false for `record: final`: the runs table has the final values). */
  readonly series: boolean;
  /** Key-value metadata of every part (provenance). */
  readonly provenance: Record<string, string>;
}

/** A batch of runs for a worker; it answers with one journal entry for the whole batch. */
export interface WorkerBatch {
  readonly type: 'batch';
  readonly runs: readonly {
    readonly k: number;
    readonly point: number;
    readonly policy: number;
    readonly seed: number;
    readonly overrides: readonly Override[];
  }[];
}

export type WorkerReply =
  | {
      readonly type: 'done';
      readonly entry: JournalEntry;
      /** Peak resident set so far, bytes. */ readonly maxRss: number;
    }
  | {
      readonly type: 'failed';
      readonly message: string;
      readonly input?: { source: string; problems: InputError['problems'] };
    };

/**
 * A study worker (a child process of `mimo study`): runs each batch it is sent, writes the batch's series as one
 * Parquet part (durably, under a name of its shard), and answers with the batch's runs; the parent journals them.
 * It stops when the parent goes away (the IPC channel closes), whatever the parent's way of ending.
 */
export function serveStudyWorker(registry: ModelRegistry): Promise<number> {
  return new Promise((resolve) => {
    let setup: WorkerSetup | null = null;
    let raws: unknown[] = [];
    process.on('disconnect', () => resolve(0));
    process.on('message', (message: WorkerSetup | WorkerBatch) => {
      if (message.type === 'setup') {
        setup = message;
        raws = message.policies.map((p) => parseScenarioText(p.text, p.path));
        return;
      }
      let reply: WorkerReply;
      try {
        const entry = runBatch(setup!, raws, message, registry);
        reply = { type: 'done', entry, maxRss: process.resourceUsage().maxRSS * 1024 };
      } catch (e) {
        reply =
          e instanceof InputError
            ? { type: 'failed', message: e.message, input: { source: e.source, problems: e.problems } }
            : { type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      }
      // The parent may go away while the reply is on its way (EPIPE): nothing to tell then, and no stack trace.
      if (process.connected) process.send!(reply, undefined, undefined, () => {});
    });
  });
}

function runBatch(
  setup: WorkerSetup,
  raws: unknown[],
  batch: WorkerBatch,
  registry: ModelRegistry,
): JournalEntry {
  const rows: RunRow[] = [];
  const series: {
    point: number;
    policy: number;
    seed: number;
    ticks: Int32Array;
    columns: (Float64Array | null)[];
  }[] = [];
  for (const r of batch.runs) {
    const policy = setup.policies[r.policy];
    const overrides = [...setup.fixed, ...r.overrides, { path: 'seed', value: r.seed }];
    const scenario = validateScenario(raws[r.policy], registry, policy.path, overrides);
    const model = registry.get(scenario.model)!;
    const run = new Run(model, scenario, { record: setup.record });
    const result = run.runToEnd();
    const names = run.metrics.map((m) => m.name);
    const index = setup.metrics.map((m) => names.indexOf(m));
    rows.push({
      k: r.k,
      point: r.point,
      policy: r.policy,
      seed: r.seed,
      fingerprint: result.fingerprint,
      final: setup.metrics.map((m) => result.metrics[m]?.final ?? NaN),
      mean: setup.metrics.map((m) => result.metrics[m]?.mean ?? NaN),
    });
    if (setup.series) {
      const n = run.recorder.length;
      series.push({
        point: r.point,
        policy: r.policy,
        seed: r.seed,
        ticks: run.recorder.tickOf.slice(0, n),
        columns: index.map((i) => (i < 0 ? null : run.recorder.columns[i].slice(0, n))),
      });
    }
  }
  let part: string | null = null;
  if (series.length) {
    part = `${SERIES}/part-${setup.shard}-${String(batch.runs[0].k).padStart(9, '0')}.parquet`;
    const bytes = parquetBytes(seriesColumns(setup, series), setup.provenance);
    // A parent gone means a stopped study: its next start removes unjournalled parts, but better none at all.
    if (!process.connected) return { part: null, runs: [] };
    writeDurably(join(setup.dir, part), bytes);
  }
  return { part, runs: rows };
}

/** The wide series table of a batch: point, [policy], seed, tick, one column per metric. */
function seriesColumns(
  setup: WorkerSetup,
  series: {
    point: number;
    policy: number;
    seed: number;
    ticks: Int32Array;
    columns: (Float64Array | null)[];
  }[],
): ParquetColumn[] {
  const total = series.reduce((n, s) => n + s.ticks.length, 0);
  const point = new Int32Array(total);
  const seed = new BigInt64Array(total);
  const tick = new Int32Array(total);
  const policy: string[] = [];
  const metrics = setup.metrics.map(() => new Float64Array(total));
  let at = 0;
  for (const s of series) {
    const n = s.ticks.length;
    point.fill(s.point, at, at + n);
    seed.fill(BigInt(s.seed), at, at + n);
    tick.set(s.ticks, at);
    if (setup.policyColumn) for (let i = 0; i < n; i++) policy.push(setup.policies[s.policy].name);
    metrics.forEach((column, m) => {
      const values = s.columns[m];
      if (values) column.set(values, at);
      else column.fill(NaN, at, at + n);
    });
    at += n;
  }
  return [
    { name: 'point', type: 'INT32', data: point },
    ...(setup.policyColumn ? [{ name: 'policy', type: 'STRING' as const, data: policy }] : []),
    { name: 'seed', type: 'INT64', data: seed },
    { name: 'tick', type: 'INT32', data: tick },
    ...setup.metrics.map((name, m) => ({ name, type: 'DOUBLE' as const, data: metrics[m] })),
  ];
}
