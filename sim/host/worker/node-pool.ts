import type { RunResult } from '../../run/run.js';
import type { OpenRequest } from './api.js';
import { startNodeWorker } from './node-client.js';

/** Thrown when a request of a pool run is not a valid scenario; carries the problems with their paths. */
export class PoolInputError extends Error {
  constructor(
    readonly index: number,
    readonly problems: readonly { path: string; message: string }[],
  ) {
    super(`request ${index}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
}

/**
 * Runs each request to its end in a pool of Node worker threads (at most `workers` at once) and returns
 * the results in request order; each run is the same as in-process whatever the worker it lands on.
 */
export async function runInWorkers(
  registryModule: string | URL,
  requests: readonly OpenRequest[],
  workers: number,
  entry?: string | URL,
  onDone?: (done: number) => void,
): Promise<RunResult[]> {
  const pool = Array.from({ length: Math.max(1, Math.min(workers, requests.length)) }, () =>
    startNodeWorker(registryModule, entry),
  );
  let done = 0;
  const results: RunResult[] = new Array(requests.length);
  let next = 0;
  try {
    await Promise.all(
      pool.map(async ({ api }) => {
        while (next < requests.length) {
          const index = next++;
          const reply = await api.open(requests[index]);
          if (!reply.ok) throw new PoolInputError(index, reply.problems);
          results[index] = await api.runToEnd();
          onDone?.(++done);
        }
      }),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
