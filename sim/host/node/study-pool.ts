import type { ChildProcess } from 'node:child_process';
import { InputError } from '../../scenario/problems.js';
import type { Override } from '../../scenario/validate.js';
import { pointOverrides } from '../../study/overrides.js';
import { plannedRun, shardLabel, shardRuns, type Shard } from '../../study/run-plan.js';
import { recordedCount } from '../../run/recording.js';
import type { ResolvedStudy } from './load-study.js';
import type { StudyFolder } from './study-folder.js';
import type { StudyProcesses } from './study-processes.js';
import type { WorkerBatch, WorkerReply, WorkerSetup } from './study-worker.js';

export interface PoolOptions {
  readonly shard: Shard;
  /** The worker processes, started (at most one per batch is used). */
  readonly processes: StudyProcesses;
  readonly provenance: Record<string, string>;
  /** Write the series parts (default: unless the study records the final tick only). */
  readonly series?: boolean;
  /** Called after each journalled batch with the runs done (this start) and to do (this start). */
  readonly onProgress?: (done: number, todo: number) => void;
}

export interface ShardOutcome {
  readonly ran: number;
  readonly skipped: number;
  /** Worker processes used (at most one per batch). */
  readonly workers: number;
  /** Peak resident set of the parent and of the largest worker, bytes. */
  readonly parentRss: number;
  readonly workerRss: number;
}

/** Series rows a batch may hold (its part is written from memory). */
const BATCH_ROWS = 200_000;
/** Runs a batch may hold. */
const BATCH_RUNS = 256;

/**
 * Runs the shard's unfinished runs in the study's worker processes (separate processes: each has its own heap and
 * garbage collector, and the parent only hands out batches and journals the results, so no thread waits on
 * another). Each batch's results are journalled as soon as its worker reports them; returns how many runs ran
 * and how many were already finished.
 */
export async function runShard(
  study: ResolvedStudy,
  folder: StudyFolder,
  options: PoolOptions,
): Promise<ShardOutcome> {
  try {
    return await runShardIn(study, folder, options);
  } finally {
    options.processes.release();
  }
}

async function runShardIn(
  study: ResolvedStudy,
  folder: StudyFolder,
  options: PoolOptions,
): Promise<ShardOutcome> {
  const { finished, fd } = folder.openJournal(options.shard);
  try {
    const todo = shardRuns(study.plan, options.shard).filter((k) => !finished.has(k));
    const skipped = shardRuns(study.plan, options.shard).length - todo.length;
    let workerRss = 0;
    const peak = () => ({ parentRss: process.resourceUsage().maxRSS * 1024, workerRss });
    if (todo.length === 0) return { ran: 0, skipped, workers: 0, ...peak() };
    const batches = makeBatches(study, todo, options.processes.count);
    const setup = workerSetup(study, folder, options);
    let done = 0;
    options.onProgress?.(0, todo.length);
    const count = Math.max(1, Math.min(options.processes.count, batches.length));
    const children = options.processes.take(count);
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let busy = 0;
      let failed = false;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      const feed = (child: ChildProcess) => {
        if (failed) return;
        if (next >= batches.length) {
          if (busy === 0) resolve();
          return;
        }
        busy++;
        child.send(batches[next++]);
      };
      for (const child of children) {
        if (!child.connected) {
          fail(new Error(`a study worker stopped (${child.signalCode ?? `exit code ${child.exitCode}`})`));
          return;
        }
        child.on('message', (reply: WorkerReply) => {
          busy--;
          if (reply.type === 'failed') {
            fail(
              reply.input
                ? new InputError(reply.input.source, reply.input.problems)
                : new Error(`a study worker failed: ${reply.message}`),
            );
            return;
          }
          folder.append(fd, reply.entry);
          workerRss = Math.max(workerRss, reply.maxRss);
          done += reply.entry.runs.length;
          options.onProgress?.(done, todo.length);
          feed(child);
        });
        child.on('exit', (code, signal) => {
          if (!failed && (next < batches.length || busy > 0)) {
            fail(new Error(`a study worker stopped (${signal ?? `exit code ${code}`})`));
          }
        });
        child.on('error', fail);
        child.send(setup);
        feed(child);
      }
    });
    return { ran: done, skipped, workers: count, ...peak() };
  } finally {
    folder.close(fd);
  }
}

function workerSetup(study: ResolvedStudy, folder: StudyFolder, options: PoolOptions): WorkerSetup {
  return {
    type: 'setup',
    dir: folder.dir,
    shard: shardLabel(options.shard),
    policies: study.policies.map((p) => ({ text: p.text, path: p.path, name: p.name })),
    policyColumn: study.policies.length > 1,
    fixed: study.fixed,
    record: study.record,
    metrics: study.metrics,
    series: options.series ?? study.record !== 'final',
    provenance: options.provenance,
  };
}

/**
 * Batches of runs in run order: small enough that every worker gets several (so they finish together) and that a
 * batch's series fit comfortably in memory, large enough that quick runs do not drown in messages.
 */
function makeBatches(study: ResolvedStudy, todo: readonly number[], workers: number): WorkerBatch[] {
  const rows = study.record === 'final' ? 1 : recordedCount(study.record, study.runTicks);
  const size = Math.max(
    1,
    Math.min(BATCH_RUNS, Math.floor(BATCH_ROWS / rows), Math.ceil(todo.length / (workers * 8))),
  );
  const overridesOf = new Map<number, Override[]>();
  const batches: WorkerBatch[] = [];
  for (let i = 0; i < todo.length; i += size) {
    const runs = todo.slice(i, i + size).map((k) => {
      const run = plannedRun(study.plan, k);
      let overrides = overridesOf.get(run.point);
      if (!overrides) {
        overrides = study.points ? pointOverrides(study.points, run.point) : [];
        overridesOf.set(run.point, overrides);
      }
      return { ...run, overrides };
    });
    batches.push({ type: 'batch', runs });
  }
  return batches;
}
